package io.s2l.study;

import static io.s2l.study.StudyLimits.MAX_CALLBACKS;
import static io.s2l.study.StudyLimits.MAX_CALLBACK_URL_LENGTH;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form of a study's callback URLs: at most {@link StudyLimits#MAX_CALLBACKS}, each an absolute
 * http or https URL of at most {@link StudyLimits#MAX_CALLBACK_URL_LENGTH} characters with a host,
 * no user information and no fragment, none twice. Whether a host may be called at all is the
 * service's decision (its allow-list and network rules), checked apart from this.
 */
public final class CallbackUrls {

  private CallbackUrls() {}

  static void validate(List<String> callbacks, List<FieldError> errors) {
    errors.addAll(check("callbacks", callbacks));
  }

  /**
   * Every reason {@code callbacks} break these rules, each naming {@code field} ({@code field[i]}
   * for one URL); empty when they keep them.
   */
  public static List<FieldError> check(String field, List<String> callbacks) {
    List<FieldError> errors = new ArrayList<>();
    if (callbacks == null) {
      return errors;
    }
    if (callbacks.size() > MAX_CALLBACKS) {
      errors.add(new FieldError(field, "at most " + MAX_CALLBACKS + " callback URLs"));
      return errors;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < callbacks.size(); i++) {
      String one = field + "[" + i + "]";
      String url = callbacks.get(i);
      if (url == null) {
        errors.add(new FieldError(one, "must not be null"));
      } else if (url.length() > MAX_CALLBACK_URL_LENGTH) {
        errors.add(
            new FieldError(one, "must be at most " + MAX_CALLBACK_URL_LENGTH + " characters"));
      } else {
        String reason = reason(url);
        if (reason != null) {
          errors.add(new FieldError(one, url + ": " + reason));
        } else if (!seen.add(url)) {
          errors.add(new FieldError(one, "duplicate callback URL"));
        }
      }
    }
    return errors;
  }

  /** Whether {@code url} passes these checks (its host may still be refused). */
  public static boolean wellFormed(String url) {
    return url != null && url.length() <= MAX_CALLBACK_URL_LENGTH && reason(url) == null;
  }

  /** Why {@code url} is no callback URL, or null when it is one. */
  static String reason(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "not a URL (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "must be an absolute http or https URL";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "must name a host";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not carry user information";
    }
    if (uri.getRawFragment() != null) {
      return "must not carry a fragment";
    }
    return null;
  }
}
