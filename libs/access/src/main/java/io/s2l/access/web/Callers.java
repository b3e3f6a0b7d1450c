package io.s2l.access.web;

import io.s2l.access.ApiKey;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The key behind the current request. */
public final class Callers {

  private Callers() {}

  /**
   * @throws IllegalStateException outside a request authenticated by a key (the security chain
   *     refuses such requests before they reach a controller)
   */
  public static ApiKey current() {
    return find().orElseThrow(() -> new IllegalStateException("no API key in this request"));
  }

  /** The key behind the current request, if it has one. */
  public static Optional<ApiKey> find() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth instanceof ApiKeyAuthentication key
        ? Optional.of(key.getPrincipal())
        : Optional.empty();
  }
}
