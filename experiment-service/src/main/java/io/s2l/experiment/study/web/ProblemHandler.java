package io.s2l.experiment.study.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.s2l.experiment.study.InvalidStudyException;
import io.s2l.experiment.study.StudyNotFoundException;
import io.s2l.study.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every failure. Invalid studies list each field and its reason in
 * {@code errors}; unreadable JSON names the field where parsing stopped.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidStudyException.class)
  ProblemDetail invalid(InvalidStudyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            e.errors().stream()
                .map(err -> err.field() + ": " + err.reason())
                .collect(Collectors.joining("; ")));
    problem.setTitle("Invalid study definition");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
  ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
    // a constraint violation translated by Spring carries its SQL: never send that
    String detail =
        e.getMessage() != null && !e.getMessage().contains("SQL")
            ? e.getMessage()
            : "this request repeats one already made";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Already requested");
    return problem;
  }

  @ExceptionHandler(io.s2l.experiment.dataset.DatasetRejectedException.class)
  ProblemDetail rejected(io.s2l.experiment.dataset.DatasetRejectedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Dataset refused");
    problem.setProperty("errors", e.errors());
    problem.setProperty("errorCount", e.errorCount());
    return problem;
  }

  @ExceptionHandler(io.s2l.experiment.dataset.DatasetTooLargeException.class)
  ProblemDetail tooLarge(io.s2l.experiment.dataset.DatasetTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    problem.setTitle("Dataset too large");
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad request");
    return problem;
  }

  @ExceptionHandler(io.s2l.experiment.study.StudyConflictException.class)
  ProblemDetail conflict(io.s2l.experiment.study.StudyConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.title());
    return problem;
  }

  @ExceptionHandler(io.s2l.access.InvalidApiKeyException.class)
  ProblemDetail invalidKey(io.s2l.access.InvalidApiKeyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid key request");
    problem.setProperty(
        "errors",
        List.of(new FieldError(e.field(), e.getMessage().substring(e.field().length() + 2))));
    return problem;
  }

  @ExceptionHandler(StudyNotFoundException.class)
  ProblemDetail notFound(StudyNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Study not found");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    FieldError error = describe(e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, error.field() + ": " + error.reason());
    problem.setTitle("Unreadable study definition");
    problem.setProperty("errors", List.of(error));
    return ResponseEntity.badRequest().body(problem);
  }

  private static FieldError describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      if (cause instanceof InvalidFormatException format) {
        return new FieldError(
            field,
            "cannot read '" + format.getValue() + "' as " + format.getTargetType().getSimpleName());
      }
      if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
        return new FieldError(field, "expected " + mismatch.getTargetType().getSimpleName());
      }
      return new FieldError(field, mapping.getOriginalMessage());
    }
    if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException parse) {
      return new FieldError("$", "malformed JSON: " + parse.getOriginalMessage());
    }
    return new FieldError("$", "a JSON study definition is required");
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
