package io.s2l.analysis.config;

import io.s2l.analysis.correlation.AnalysisNotFoundException;
import io.s2l.analysis.imports.ImportRejectedException;
import io.s2l.analysis.imports.ImportTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem details for every failure of the analysis service. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

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
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad request");
    return problem;
  }
}
