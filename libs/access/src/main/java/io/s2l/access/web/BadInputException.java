package io.s2l.access.web;

/**
 * A request the caller has to change: a query parameter, header or body value out of range or of
 * the wrong kind. Both services answer it with a 400 problem whose detail is this message, so the
 * message names the input ({@code "size: must be between 1 and 100"}). Code that checks its own
 * invariants keeps throwing {@link IllegalArgumentException}, which is a 500: a broken invariant is
 * the server's fault, not the caller's.
 */
public class BadInputException extends RuntimeException {

  public BadInputException(String detail) {
    super(detail);
  }
}
