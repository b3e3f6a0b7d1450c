package io.s2l.access;

/** A key request with an invalid field (400). */
public class InvalidApiKeyException extends RuntimeException {

  private final String field;

  public InvalidApiKeyException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
