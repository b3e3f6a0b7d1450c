package io.s2l.experiment.config;

import io.s2l.access.ApiKeys;
import io.s2l.access.Role;
import io.s2l.access.web.AccessConfiguration;
import io.s2l.access.web.AccessSecurity;
import io.s2l.access.web.RoleRules;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what on the experiment service. Reading needs READ (and, for a study, being its
 * owner's key or an admin); submitting, cancelling, featurising and uploading need SUBMIT, and so
 * does issuing one's own callback secret; keys, the dead-letter queue and the trainer registry need
 * ADMIN; any key may read itself ({@code GET /api/v1/keys/me}). The dashboard's static files are
 * public: they hold no data, and every call they make sends the key the user signs in with.
 */
@Configuration(proxyBeanMethods = false)
@Import(AccessConfiguration.class)
class SecurityConfiguration {

  /** The dashboard's page, scripts, styles, example studies and its configuration. */
  static final List<String> DASHBOARD_PAGES =
      List.of("/", "/index.html", "/favicon.ico", "/ui/**", "/dashboard/**");

  @Bean
  RoleRules roleRules() {
    return RoleRules.of(
        // a SUBMIT key issues its own (the controller refuses another's); an admin any key's
        new RoleRules.Rule(HttpMethod.POST, Role.SUBMIT, List.of("/api/v1/keys/*/callback-secret")),
        new RoleRules.Rule(HttpMethod.GET, Role.READ, List.of("/api/v1/keys/me")),
        new RoleRules.Rule(
            null,
            Role.ADMIN,
            List.of(
                "/api/v1/keys",
                "/api/v1/keys/**",
                "/api/v1/jobs/**",
                "/api/v1/trainers",
                "/api/v1/trainers/**")),
        new RoleRules.Rule(HttpMethod.POST, Role.SUBMIT, List.of("/api/v1/**")));
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http, ApiKeys keys, RoleRules rules) throws Exception {
    return AccessSecurity.chain(
        http, keys, rules, new AccessSecurity.ChainOptions(DASHBOARD_PAGES, List.of()));
  }
}
