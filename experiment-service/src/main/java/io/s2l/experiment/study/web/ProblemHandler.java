package io.s2l.experiment.study.web;

import io.s2l.access.web.BaseProblemHandler;
import io.s2l.experiment.dataset.DatasetOverLimitException;
import io.s2l.experiment.dataset.DatasetRejectedException;
import io.s2l.experiment.study.InvalidStudyException;
import io.s2l.experiment.study.StudyConflictException;
import io.s2l.experiment.study.StudyNotFoundException;
import io.s2l.experiment.trainer.InvalidTrainerException;
import io.s2l.experiment.trainer.TrainerConflictException;
import io.s2l.experiment.trainer.TrainerNotFoundException;
import io.s2l.study.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The experiment service's problems on top of the shared ones: invalid studies list each field and
 * its reason in {@code errors}; refused uploads list their bad lines.
 */
@RestControllerAdvice
class ProblemHandler extends BaseProblemHandler {

  ProblemHandler() {
    super("request body");
  }

  @ExceptionHandler(InvalidStudyException.class)
  ProblemDetail invalid(InvalidStudyException e) {
    return fieldErrors("Invalid study definition", e.errors());
  }

  @ExceptionHandler(InvalidTrainerException.class)
  ProblemDetail invalidTrainer(InvalidTrainerException e) {
    return fieldErrors("Invalid trainer registration", e.errors());
  }

  @ExceptionHandler(TrainerConflictException.class)
  ProblemDetail trainerConflict(TrainerConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Trainer already registered");
    return problem;
  }

  @ExceptionHandler(TrainerNotFoundException.class)
  ProblemDetail trainerNotFound(TrainerNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Trainer not found");
    return problem;
  }

  /** A 400 naming every offending field: in the detail, and as {@code errors}. */
  private static ProblemDetail fieldErrors(String title, List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.stream()
                .map(err -> err.field() + ": " + err.reason())
                .collect(Collectors.joining("; ")));
    problem.setTitle(title);
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    // a constraint violation translated by Spring carries its SQL: never send that
    String detail =
        e.getMessage() != null && !e.getMessage().contains("SQL")
            ? e.getMessage()
            : "this request repeats one already made";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Already requested");
    return problem;
  }

  @ExceptionHandler(DatasetRejectedException.class)
  ProblemDetail rejected(DatasetRejectedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Dataset refused");
    problem.setProperty("errors", e.errors());
    problem.setProperty("errorCount", e.errorCount());
    return problem;
  }

  @ExceptionHandler(io.s2l.experiment.config.BodyTooLargeException.class)
  ProblemDetail bodyTooLarge(io.s2l.experiment.config.BodyTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    problem.setTitle(
        e instanceof DatasetOverLimitException ? "Dataset too large" : "Request too large");
    problem.setProperty("limit", e.limit());
    problem.setProperty("property", e.property());
    return problem;
  }

  /**
   * A write that lost a race for a row (an optimistic version that moved, a lock or a deadlock the
   * database gave up on) did nothing and may simply be repeated: 409, never a 500.
   */
  @ExceptionHandler(ConcurrencyFailureException.class)
  ProblemDetail concurrentChange(ConcurrencyFailureException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "the resource was changed by another request at the same time; nothing was done,"
                + " repeat the request");
    problem.setTitle("Concurrent change");
    return problem;
  }

  @ExceptionHandler(StudyConflictException.class)
  ProblemDetail conflict(StudyConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.title());
    return problem;
  }

  @ExceptionHandler(StudyNotFoundException.class)
  ProblemDetail notFound(StudyNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Study not found");
    return problem;
  }
}
