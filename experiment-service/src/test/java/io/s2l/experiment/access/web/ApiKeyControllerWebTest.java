package io.s2l.experiment.access.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.s2l.access.ApiKey;
import io.s2l.access.CallbackSecrets;
import io.s2l.access.IssuedKey;
import io.s2l.access.NewApiKey;
import io.s2l.access.Role;
import io.s2l.experiment.config.SecuredWebSlice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(ApiKeyController.class)
class ApiKeyControllerWebTest extends SecuredWebSlice {

  @MockitoBean CallbackSecrets callbackSecrets;

  @Test
  void aSubmitKeyIssuesItsOwnCallbackSecretOnlyAndAReadKeyNone() throws Exception {
    // the SUBMIT key of the slice has id 2, the READ key id 1
    given(callbackSecrets.issue(2)).willReturn(Optional.of("s2lcb_the-callback-secret"));
    mvc.perform(post("/api/v1/keys/2/callback-secret").with(as(Role.SUBMIT)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.keyId").value(2))
        .andExpect(jsonPath("$.secret").value("s2lcb_the-callback-secret"));
    mvc.perform(post("/api/v1/keys/3/callback-secret").with(as(Role.SUBMIT)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/v1/keys/1/callback-secret").with(as(Role.READ)))
        .andExpect(status().isForbidden());
    verify(callbackSecrets, never()).issue(3);
    verify(callbackSecrets, never()).issue(1);
  }

  @Test
  void anAdminIssuesAnyLiveKeysCallbackSecretAndGets404ForOthers() throws Exception {
    given(callbackSecrets.issue(42)).willReturn(Optional.of("s2lcb_for-42"));
    given(callbackSecrets.issue(43)).willReturn(Optional.empty());
    mvc.perform(post("/api/v1/keys/42/callback-secret").with(as(Role.ADMIN)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.secret").value("s2lcb_for-42"));
    mvc.perform(post("/api/v1/keys/43/callback-secret").with(as(Role.ADMIN)))
        .andExpect(status().isNotFound());
  }

  private static final ApiKey CREATED =
      new ApiKey(
          42,
          "lab",
          "ci",
          Role.SUBMIT,
          "s2l_abcdef",
          2,
          100,
          1e18,
          null,
          Instant.parse("2026-01-01T00:00:00Z"),
          null);

  @Test
  void createAnswers201WithTheSecretOnce() throws Exception {
    given(keys.create(new NewApiKey("lab", "ci", Role.SUBMIT, 2, 100, 1e18)))
        .willReturn(new IssuedKey(CREATED, "s2l_the-secret"));

    mvc.perform(
            post("/api/v1/keys")
                .with(as(Role.ADMIN))
                .contentType("application/json")
                .content(
                    "{\"owner\": \"lab\", \"name\": \"ci\", \"role\": \"SUBMIT\","
                        + " \"maxActiveStudies\": 2, \"maxJobsPerDay\": 100, \"maxFlopsPerDay\": 1e18}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/keys/42"))
        .andExpect(jsonPath("$.secret").value("s2l_the-secret"))
        .andExpect(jsonPath("$.key.id").value(42))
        .andExpect(jsonPath("$.key.role").value("SUBMIT"))
        .andExpect(jsonPath("$.key.maxJobsPerDay").value(100))
        .andExpect(jsonPath("$.key.maxFlopsPerDay").value(1e18));
  }

  @Test
  void anInvalidKeyRequestIsAProblemNamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/keys")
                .with(as(Role.ADMIN))
                .contentType("application/json")
                .content("{\"owner\": \" \", \"name\": \"ci\", \"role\": \"READ\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("owner"))
        .andExpect(jsonPath("$.errors[0].reason").value("required"));
    verify(keys, never()).create(any());
  }

  @Test
  void anUnknownRoleIsAProblemNamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/keys")
                .with(as(Role.ADMIN))
                .contentType("application/json")
                .content("{\"owner\": \"lab\", \"name\": \"ci\", \"role\": \"ROOT\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    verify(keys, never()).create(any());
  }

  @Test
  void listPagesTheKeys() throws Exception {
    given(keys.list(10, 10)).willReturn(List.of(CREATED));
    given(keys.count()).willReturn(11L);

    mvc.perform(get("/api/v1/keys").with(as(Role.ADMIN)).param("page", "1").param("size", "10"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].prefix").value("s2l_abcdef"))
        .andExpect(jsonPath("$.items[0].secret").doesNotExist())
        .andExpect(jsonPath("$.total").value(11));
    mvc.perform(get("/api/v1/keys").with(as(Role.ADMIN)).param("page", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("page")));
  }

  @Test
  void revokeAnswers204Or404() throws Exception {
    given(keys.revoke(42)).willReturn(true);

    mvc.perform(delete("/api/v1/keys/42").with(as(Role.ADMIN))).andExpect(status().isNoContent());
    mvc.perform(delete("/api/v1/keys/43").with(as(Role.ADMIN))).andExpect(status().isNotFound());
  }

  @Test
  void onlyAdminsManageKeys() throws Exception {
    mvc.perform(get("/api/v1/keys").with(as(Role.SUBMIT)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("GET /api/v1/keys")));
    mvc.perform(delete("/api/v1/keys/42").with(as(Role.READ))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/keys").with(unknownKey())).andExpect(status().isUnauthorized());
    verify(keys, never()).revoke(42);
  }
}
