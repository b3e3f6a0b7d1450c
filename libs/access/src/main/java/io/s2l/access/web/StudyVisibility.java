package io.s2l.access.web;

import io.s2l.access.StudyOwners;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Hides other owners' studies: a request to any handler mapped under {@code /api/v1/studies/{id}}
 * by a key that may not see that study gets 404, as if it did not exist, so ids cannot be probed.
 * Admins see all. It runs after handler mapping and reads the {@code id} the controller will get
 * (decoded by Spring MVC), so no spelling of the path can slip past it.
 */
final class StudyVisibility implements HandlerInterceptor {

  static final String STUDY_PATHS = "/api/v1/studies/{id}";

  private final StudyOwners owners;

  StudyVisibility(StudyOwners owners) {
    this.owners = owners;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      return true; // the dispatch that ends a stream: its request passed this check when it began
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null || !pattern.toString().startsWith(STUDY_PATHS)) {
      return true;
    }
    UUID id = id(request).orElse(null);
    if (id == null) {
      return true; // not a UUID: the controller answers 400
    }
    var key = Callers.find();
    if (key.isPresent() && owners.visible(id, key.get())) {
      return true;
    }
    ProblemResponses.write(
        request, response, 404, "Study not found", "no study " + id + " for this key");
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Optional<UUID> id(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (!(variables instanceof Map<?, ?> map) || !(map.get("id") instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
