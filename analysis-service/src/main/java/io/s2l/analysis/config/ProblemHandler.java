package io.s2l.analysis.config;

import io.s2l.access.web.BaseProblemHandler;
import io.s2l.analysis.correlation.AnalysisNotFoundException;
import io.s2l.analysis.imports.ImportLimitExceededException;
import io.s2l.analysis.imports.ImportRejectedException;
import io.s2l.analysis.imports.ImportTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The analysis service's problems on top of the shared ones: missing analyses, refused imports. */
@RestControllerAdvice
class ProblemHandler extends BaseProblemHandler {

  ProblemHandler() {
    super("request");
  }

  @ExceptionHandler(AnalysisNotFoundException.class)
  ProblemDetail notFound(AnalysisNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("No analysis");
    return problem;
  }

  @ExceptionHandler(ImportRejectedException.class)
  ProblemDetail rejected(ImportRejectedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Import refused");
    problem.setProperty("errors", e.errors());
    problem.setProperty("errorCount", e.errorCount());
    return problem;
  }

  @ExceptionHandler(ImportTooLargeException.class)
  ProblemDetail tooLarge(ImportTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    problem.setTitle("Import too large");
    problem.setProperty("limit", e.limit());
    problem.setProperty("property", ImportTooLargeException.PROPERTY);
    return problem;
  }

  @ExceptionHandler(ImportLimitExceededException.class)
  ProblemDetail overLimit(ImportLimitExceededException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    problem.setTitle("Import too large");
    problem.setProperty("field", e.column());
    problem.setProperty("limit", e.limit());
    problem.setProperty("property", e.property());
    return problem;
  }
}
