package io.s2l.client;

import java.util.List;
import java.util.Optional;

/**
 * The API answered with another status than the call expects, or could not be reached or read. An
 * {@link IllegalStateException}, as callers that ride out a service restart catch it. A refusal's
 * problem document (RFC 9457) is kept, so a caller can show which field broke which rule.
 */
public class ApiException extends IllegalStateException {

  /** What kind of failure this is: one per status the API documents, and two without an answer. */
  public enum Kind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    PRECONDITION_FAILED,
    TOO_LARGE,
    UNPROCESSABLE,
    TOO_MANY_REQUESTS,
    SERVER_ERROR,
    /** Another status than the API documents. */
    OTHER,
    /** No answer: the service was not reachable, or the connection broke. */
    UNREACHABLE,
    /** An answer whose body is not the document the call expects. */
    UNREADABLE;

    static Kind of(int status) {
      return switch (status) {
        case 400 -> BAD_REQUEST;
        case 401 -> UNAUTHORIZED;
        case 403 -> FORBIDDEN;
        case 404 -> NOT_FOUND;
        case 409 -> CONFLICT;
        case 412 -> PRECONDITION_FAILED;
        case 413 -> TOO_LARGE;
        case 422 -> UNPROCESSABLE;
        case 429 -> TOO_MANY_REQUESTS;
        default -> status >= 500 && status < 600 ? SERVER_ERROR : OTHER;
      };
    }
  }

  private final int status;
  private final Kind kind;
  private final Problem problem;

  ApiException(String message, int status, Kind kind, Problem problem, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.kind = kind;
    this.problem = problem;
  }

  /** The HTTP status, or 0 when there was no answer or it could not be read. */
  public int status() {
    return status;
  }

  public Kind kind() {
    return kind;
  }

  /** The answer's problem document, when it sent one. */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }

  /** Each refused field, line or row the problem names; empty when it names none. */
  public List<ProblemError> errors() {
    return problem == null || problem.errors() == null ? List.of() : problem.errors();
  }
}
