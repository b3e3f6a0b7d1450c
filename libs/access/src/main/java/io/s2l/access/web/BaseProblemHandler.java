package io.s2l.access.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.s2l.access.InvalidApiKeyException;
import io.s2l.access.QuotaExceededException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The RFC 9457 problem details both services answer with; each service's handler extends it with
 * its own exceptions. Only exceptions that mean bad input become 400: {@link BadInputException},
 * invalid key requests, unreadable bodies and what Spring MVC reports itself (type mismatches,
 * missing parameters, validation). Anything else that escapes a controller is the server's fault: a
 * 500 with a generic detail, the exception logged, its message never sent.
 */
public abstract class BaseProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(BaseProblemHandler.class);

  /** The detail of every 500: the cause is in the log, not in the answer. */
  public static final String INTERNAL_DETAIL =
      "the server failed to answer this request; the failure is logged";

  private final String bodyName;

  /**
   * @param bodyName what this service's request bodies are, for people: an unreadable one is titled
   *     "Unreadable " + bodyName
   */
  protected BaseProblemHandler(String bodyName) {
    this.bodyName = bodyName;
  }

  @ExceptionHandler(BadInputException.class)
  ProblemDetail badInput(BadInputException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad request");
    return problem;
  }

  @ExceptionHandler(InvalidApiKeyException.class)
  ProblemDetail invalidKey(InvalidApiKeyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid key request");
    problem.setProperty(
        "errors",
        List.of(new ProblemField(e.field(), e.getMessage().substring(e.field().length() + 2))));
    return problem;
  }

  @ExceptionHandler(QuotaExceededException.class)
  ProblemDetail quota(QuotaExceededException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    problem.setTitle("Quota exceeded");
    problem.setProperty("quota", e.quota());
    problem.setProperty("limit", e.limit());
    if (e.requested() != null) {
      problem.setProperty("requested", e.requested());
      problem.setProperty("used", e.used());
    }
    return problem;
  }

  /**
   * Everything no closer handler claims, {@link IllegalArgumentException} included: the message of
   * an internal failure may hold SQL, paths or state, so it goes to the log only.
   */
  @ExceptionHandler(Exception.class)
  ProblemDetail internal(Exception e, HttpServletRequest request) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_DETAIL);
    problem.setTitle("Internal error");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemField error = describe(e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, error.field() + ": " + error.reason());
    problem.setTitle("Unreadable " + bodyName);
    problem.setProperty("errors", List.of(error));
    return ResponseEntity.badRequest().body(problem);
  }

  /** The field where reading stopped, and why, in the body's own terms. */
  private ProblemField describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      if (cause instanceof InvalidFormatException format) {
        return new ProblemField(
            field,
            "cannot read '" + format.getValue() + "' as " + format.getTargetType().getSimpleName());
      }
      if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
        return new ProblemField(field, "expected " + mismatch.getTargetType().getSimpleName());
      }
      return new ProblemField(field, mapping.getOriginalMessage());
    }
    if (cause instanceof JsonProcessingException parse) {
      return new ProblemField("$", "malformed JSON: " + parse.getOriginalMessage());
    }
    return new ProblemField("$", "a JSON " + bodyName + " is required");
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
