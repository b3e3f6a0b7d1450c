package io.s2l.access.web;

import java.time.Duration;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The cross-origin rules of a service a browser page calls from another origin (the dashboard,
 * served by the experiment service, reads results from the analysis service). Only the named
 * origins, only under {@code /api/**}; the key travels in a header, never in a cookie, so
 * credentials stay off.
 */
final class BrowserOrigins {

  private BrowserOrigins() {}

  static CorsConfigurationSource source(List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(List.copyOf(origins));
    cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
    cors.setAllowedHeaders(
        List.of("Authorization", "X-API-Key", "Content-Type", "Idempotency-Key", "If-Match"));
    cors.setExposedHeaders(List.of("Location", "ETag"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return source;
  }
}
