package io.s2l.analysis.config;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.access.ApiKey;
import io.s2l.access.ApiKeys;
import io.s2l.access.Quotas;
import io.s2l.access.Role;
import io.s2l.access.StudyOwners;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.stubbing.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The base of the service's web slices: the service's own security chain (API-key filter, role
 * rules, owner check of study paths) in front of the controller under test, with the key store and
 * the ownership records mocked. Every study is visible unless a test says otherwise.
 */
@Import(SecurityConfiguration.class)
public abstract class SecuredWebSlice {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Autowired protected MockMvc mvc;

  @MockitoBean protected ApiKeys keys;

  @MockitoBean protected StudyOwners owners;

  @MockitoBean protected Quotas quotas;

  @BeforeEach
  void everyStudyVisible() {
    given(owners.visible(any(), any())).willReturn(true);
  }

  /** The key of one role: owner {@code team}, id 1 (READ), 2 (SUBMIT) or 3 (ADMIN). */
  protected static ApiKey apiKey(Role role) {
    return new ApiKey(
        role.ordinal() + 1L,
        "team",
        role.name().toLowerCase(),
        role,
        "s2l_" + role.name().toLowerCase(),
        null,
        null,
        null,
        null,
        Instant.parse("2026-01-01T00:00:00Z"),
        null);
  }

  /** Sends a live key of this role as a bearer token. */
  protected RequestPostProcessor as(Role role) {
    String secret = "s2l_slice-secret-of-" + role.name();
    given(keys.authenticate(secret)).willReturn(Optional.of(apiKey(role)));
    return request -> {
      request.addHeader("Authorization", "Bearer " + secret);
      return request;
    };
  }

  /**
   * Answers with a stored result document read as the type the mocked reader returns, so that the
   * tests hold the document's JSON shape, not the Java type that carries it (fields that type does
   * not know are left out, as a typed reader would).
   */
  protected static Answer<Object> document(String json) {
    return call -> JSON.readValue(json, call.getMethod().getReturnType());
  }

  /** Sends a key the store does not know (unknown or revoked). */
  protected static RequestPostProcessor unknownKey() {
    return request -> {
      request.addHeader("X-API-Key", "s2l_no-such-key");
      return request;
    };
  }
}
