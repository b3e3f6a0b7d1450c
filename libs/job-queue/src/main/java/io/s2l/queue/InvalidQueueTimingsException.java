package io.s2l.queue;

/**
 * Start-up refused: a service's lease or job timeout cannot keep its promises ({@link
 * QueueTimings#validated}). The message names the property and says why.
 */
public final class InvalidQueueTimingsException extends IllegalStateException {

  private final String property;

  InvalidQueueTimingsException(String property, String message) {
    super(message);
    this.property = property;
  }

  /** The property to change, e.g. {@code s2l.queue.lease}. */
  public String property() {
    return property;
  }
}
