package io.s2l.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.access.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The rules read paths as the OpenAPI document spells them: variables are plain segments. */
class RoleRulesTest {

  final RoleRules rules =
      RoleRules.of(
          new RoleRules.Rule(null, Role.ADMIN, List.of("/api/v1/keys", "/api/v1/keys/**")),
          new RoleRules.Rule(HttpMethod.POST, Role.SUBMIT, List.of("/api/v1/**")));

  @Test
  void theFirstMatchingRuleDecidesAndEverythingElseNeedsRead() {
    assertThat(rules.required(HttpMethod.POST, "/api/v1/keys")).isEqualTo(Role.ADMIN);
    assertThat(rules.required(HttpMethod.DELETE, "/api/v1/keys/{id}")).isEqualTo(Role.ADMIN);
    assertThat(rules.required(HttpMethod.POST, "/api/v1/studies/{id}/cancel"))
        .isEqualTo(Role.SUBMIT);
    assertThat(rules.required(HttpMethod.GET, "/api/v1/studies/{id}")).isEqualTo(Role.READ);
  }

  @Test
  void theDocumentsAndProbesArePublicAndTheApiIsNot() {
    assertThat(AccessSecurity.isPublic("/v3/api-docs")).isTrue();
    assertThat(AccessSecurity.isPublic("/v3/api-docs/swagger-config")).isTrue();
    assertThat(AccessSecurity.isPublic("/actuator/health/liveness")).isTrue();
    assertThat(AccessSecurity.isPublic("/api/v1/studies/{id}")).isFalse();
    assertThat(AccessSecurity.isPublic("/actuator/env")).isFalse();
  }
}
