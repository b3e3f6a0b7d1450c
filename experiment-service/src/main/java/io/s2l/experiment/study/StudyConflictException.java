package io.s2l.experiment.study;

import org.springframework.http.HttpStatus;

/**
 * A request that conflicts with a study's state: an Idempotency-Key reused with another body (422),
 * a stale If-Match (412), or a transition the study's life does not allow (409).
 */
public class StudyConflictException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  public StudyConflictException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
