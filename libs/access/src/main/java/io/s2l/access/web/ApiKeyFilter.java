package io.s2l.access.web;

import io.s2l.access.ApiKey;
import io.s2l.access.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its key: {@code Authorization: Bearer <key>} or {@code X-API-Key:
 * <key>}. A request without a key goes on anonymous (public paths only); one with an unknown or
 * revoked key is refused with 401 at once. The key itself is never logged.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

  private final ApiKeys keys;

  ApiKeyFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = secret(request);
    if (secret == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiKey> key = keys.authenticate(secret);
    if (key.isEmpty()) {
      ProblemResponses.unauthorized(request, response, "unknown or revoked API key");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ApiKeyAuthentication(key.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static String secret(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    String header = request.getHeader("X-API-Key");
    return header == null ? null : header.trim();
  }
}
