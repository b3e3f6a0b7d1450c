package io.s2l.client;

import java.util.List;

/**
 * A refusal as the API sends it ({@code application/problem+json}, RFC 9457). Only {@code type},
 * {@code title} and {@code status} are always there; the rest is null when the problem has none.
 *
 * @param errors each refused field, line or row (a study definition lists them all, up to {@code
 *     errorCount})
 * @param limit the limit a request went past (a quota, a size)
 * @param property the configuration property that sets that limit
 * @param quota the quota a submission would exceed
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<ProblemError> errors,
    Integer errorCount,
    Long limit,
    String property,
    String quota) {

  /** One line for people: the title, the detail and each refused field. */
  public String describe() {
    StringBuilder text = new StringBuilder(title == null ? "HTTP " + status : title);
    if (detail != null && !detail.isBlank()) {
      text.append(": ").append(detail);
    }
    if (errors != null) {
      for (ProblemError e : errors) {
        text.append(System.lineSeparator()).append("  ").append(e.describe());
      }
    }
    return text.toString();
  }
}
