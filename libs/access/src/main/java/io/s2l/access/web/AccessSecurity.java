package io.s2l.access.web;

import io.s2l.access.ApiKeys;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.http.HttpMethod;
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
 * endpoints need ADMIN. A service may add public pages (the experiment service's dashboard: static
 * files that hold no data, every call they make needs a key) and the origins allowed to call it
 * from a browser ({@link ChainOptions}).
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

  /**
   * What a service adds to the shared chain.
   *
   * @param publicPages more paths callable without a key, readable with GET only
   * @param allowedOrigins browser origins allowed to call the API across origins (CORS); empty:
   *     none
   */
  public record ChainOptions(List<String> publicPages, List<String> allowedOrigins) {
    public ChainOptions {
      publicPages = List.copyOf(publicPages);
      allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static final ChainOptions NONE = new ChainOptions(List.of(), List.of());
  }

  public static SecurityFilterChain chain(HttpSecurity http, ApiKeys keys, RoleRules rules)
      throws Exception {
    return chain(http, keys, rules, ChainOptions.NONE);
  }

  public static SecurityFilterChain chain(
      HttpSecurity http, ApiKeys keys, RoleRules rules, ChainOptions options) throws Exception {
    if (!options.allowedOrigins().isEmpty()) {
      http.cors(c -> c.configurationSource(BrowserOrigins.source(options.allowedOrigins())));
    }
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
              if (!options.publicPages().isEmpty()) {
                a.requestMatchers(HttpMethod.GET, options.publicPages().toArray(String[]::new))
                    .permitAll();
              }
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
