package io.s2l.client;

/**
 * The API answered with another status than the call expects, or could not be reached or read. An
 * {@link IllegalStateException}, as callers that ride out a service restart catch it.
 */
public class ApiException extends IllegalStateException {

  private final int status;

  ApiException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when there was no answer or it could not be read. */
  public int status() {
    return status;
  }
}
