package io.s2l.access.web;

import io.s2l.access.StudyOwners;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides other owners' studies: any request under {@code /api/v1/studies/{id}} by a key that may not
 * see that study gets 404, as if it did not exist, so ids cannot be probed. Admins see all.
 */
final class StudyVisibilityFilter extends OncePerRequestFilter {

  private static final Pattern STUDY = Pattern.compile("^/api/v1/studies/([^/]+)(/.*)?$");

  private final StudyOwners owners;

  StudyVisibilityFilter(StudyOwners owners) {
    this.owners = owners;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = STUDY.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (m.matches()) {
      UUID id = uuid(m.group(1));
      var key = Callers.find();
      if (id != null && (key.isEmpty() || !owners.visible(id, key.get()))) {
        ProblemResponses.write(
            request, response, 404, "Study not found", "no study " + id + " for this key");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The id, or null when it is not a UUID (the controller answers 400 for that). */
  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
