package io.s2l.experiment.config;

/** A request body larger than a limit a property sets (413). */
public class BodyTooLargeException extends RuntimeException {

  private final long limit;
  private final String property;

  BodyTooLargeException(long limit, String property) {
    this(
        "the request body is larger than " + limit + " bytes, the most this service reads",
        limit,
        property);
  }

  /** A body past a limit of its own kind, described by {@code message}. */
  protected BodyTooLargeException(String message, long limit, String property) {
    super(message + " (" + property + ")");
    this.limit = limit;
    this.property = property;
  }

  public long limit() {
    return limit;
  }

  public String property() {
    return property;
  }
}
