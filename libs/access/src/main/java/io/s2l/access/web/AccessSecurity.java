package io.s2l.access.web;

import io.s2l.access.ApiKeys;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The security chain both services install: stateless, key-authenticated, problem+json failures.
 * Health probes, Prometheus metrics and the OpenAPI documents are public; everything else needs a
 * key, {@code READ} unless a service's {@link RoleRules} ask for more. Requests under {@code
 * /api/v1/studies/{id}} also pass the owner check of {@link StudyVisibility}; other actuator
 * endpoints need ADMIN.
 */
public final class AccessSecurity {

  /** The paths anyone may call without a key: probes, metrics, the API documents and their UI. */
  public static final List<String> PUBLIC_PATHS =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/actuator/prometheus",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/error");

  private AccessSecurity() {}

  /** Whether a path (or an OpenAPI path template) is callable without a key. */
  public static boolean isPublic(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return PUBLIC_PATHS.stream()
        .anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(container));
  }

  public static SecurityFilterChain chain(HttpSecurity http, ApiKeys keys, RoleRules rules)
      throws Exception {
    http.csrf(c -> c.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (req, res, ex) ->
                            ProblemResponses.unauthorized(
                                req,
                                res,
                                "an API key is required: Authorization: Bearer <key> or X-API-Key"))
                    .accessDeniedHandler(
                        (req, res, ex) ->
                            ProblemResponses.write(
                                req,
                                res,
                                403,
                                "Forbidden",
                                "this key's role may not "
                                    + req.getMethod()
                                    + " "
                                    + req.getRequestURI())))
        .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            a -> {
              // the request that started an async (SSE) or error dispatch was authorised already
              a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
              a.requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll();
              a.requestMatchers("/actuator/**").hasRole("ADMIN");
              for (RoleRules.Rule rule : rules.rules()) {
                String[] patterns = rule.patterns().toArray(String[]::new);
                (rule.method() == null
                        ? a.requestMatchers(patterns)
                        : a.requestMatchers(rule.method(), patterns))
                    .hasRole(rule.role().name());
              }
              a.anyRequest().hasRole("READ");
            });
    return http.build();
  }
}
