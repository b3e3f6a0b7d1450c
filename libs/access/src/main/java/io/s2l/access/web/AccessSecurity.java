package io.s2l.access.web;

import io.s2l.access.ApiKeys;
import jakarta.servlet.DispatcherType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The security chain both services install: stateless, key-authenticated, problem+json failures.
 * Health probes, Prometheus metrics and the OpenAPI documents are public; everything else needs a
 * key, {@code READ} unless a service's {@code rules} ask for more. Requests under {@code
 * /api/v1/studies/{id}} also pass the owner check of {@link StudyVisibility}; other actuator
 * endpoints need ADMIN.
 */
public final class AccessSecurity {

  /** The role rules of one service, added before the default (READ for everything else). */
  public interface Rules
      extends Customizer<
          AuthorizeHttpRequestsConfigurer<HttpSecurity>
              .AuthorizationManagerRequestMatcherRegistry> {}

  private AccessSecurity() {}

  public static SecurityFilterChain chain(HttpSecurity http, ApiKeys keys, Rules rules)
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
              a.requestMatchers(
                      "/actuator/health",
                      "/actuator/health/**",
                      "/actuator/prometheus",
                      "/v3/api-docs",
                      "/v3/api-docs/**",
                      "/swagger-ui.html",
                      "/swagger-ui/**",
                      "/error")
                  .permitAll();
              a.requestMatchers("/actuator/**").hasRole("ADMIN");
              rules.customize(a);
              a.anyRequest().hasRole("READ");
            });
    return http.build();
  }
}
