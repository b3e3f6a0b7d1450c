package io.s2l.worker.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The worker's HTTP port serves only its management endpoints. As on the services, the health
 * probes and the Prometheus metrics are public and everything else needs a key. The worker cannot
 * read the API keys (its database role has no access to them: it parses user data), and it is not
 * given the admin key (whoever took over a worker would hold the platform), so it knows one key of
 * its own, {@code S2L_WORKER_KEY}, which no service accepts; without one, nothing but the public
 * endpoints answers.
 */
@Component
class ManagementKeyFilter extends OncePerRequestFilter {

  private final byte[] adminKeyHash;

  ManagementKeyFilter(@Value("${s2l.worker.management-key:${S2L_WORKER_KEY:}}") String adminKey) {
    this.adminKeyHash = adminKey.isBlank() ? null : sha256(adminKey);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isPublic(path)) {
      chain.doFilter(request, response);
      return;
    }
    String key = presented(request);
    if (key == null) {
      refuse(
          response,
          401,
          "Unauthorized",
          "the worker's management key is required: Authorization: Bearer <key>");
    } else if (adminKeyHash == null || !MessageDigest.isEqual(adminKeyHash, sha256(key))) {
      refuse(
          response,
          403,
          "Forbidden",
          "only the worker's management key (S2L_WORKER_KEY) may call this endpoint");
    } else {
      chain.doFilter(request, response);
    }
  }

  static boolean isPublic(String path) {
    return path.equals("/actuator/health")
        || path.startsWith("/actuator/health/")
        || path.equals("/actuator/prometheus");
  }

  private static String presented(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return request.getHeader("X-API-Key");
  }

  private static void refuse(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    String body =
        "{\"type\":\"about:blank\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
