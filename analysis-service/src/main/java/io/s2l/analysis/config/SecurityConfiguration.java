package io.s2l.analysis.config;

import io.s2l.access.ApiKeys;
import io.s2l.access.Role;
import io.s2l.access.web.AccessConfiguration;
import io.s2l.access.web.AccessSecurity;
import io.s2l.access.web.RoleRules;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what on the analysis service: reading results needs READ (and, for a study, being
 * its owner's key or an admin); importing results and re-running an analysis need SUBMIT. Browser
 * pages of the origins in {@code s2l.analysis.cors.allowed-origins} (the dashboard's) may call the
 * API across origins; by default none may.
 */
@Configuration(proxyBeanMethods = false)
@Import(AccessConfiguration.class)
class SecurityConfiguration {

  @Bean
  RoleRules roleRules() {
    return RoleRules.of(new RoleRules.Rule(HttpMethod.POST, Role.SUBMIT, List.of("/api/v1/**")));
  }

  @Bean
  SecurityFilterChain security(
      HttpSecurity http,
      ApiKeys keys,
      RoleRules rules,
      @Value("${s2l.analysis.cors.allowed-origins:}") List<String> allowedOrigins)
      throws Exception {
    List<String> origins =
        allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    return AccessSecurity.chain(
        http, keys, rules, new AccessSecurity.ChainOptions(List.of(), origins));
  }
}
