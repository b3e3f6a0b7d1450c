package io.s2l.access.web;

import io.s2l.access.QuotaExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of access failures raised behind the security chain, in both services. */
@RestControllerAdvice
class AccessProblems {

  @ExceptionHandler(QuotaExceededException.class)
  ProblemDetail quota(QuotaExceededException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    problem.setTitle("Quota exceeded");
    problem.setProperty("quota", e.quota());
    problem.setProperty("limit", e.limit());
    return problem;
  }
}
