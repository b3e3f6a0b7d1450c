package io.s2l.queue;

/** Thrown inside a job when its attempt no longer holds the lease: the work must stop unsaved. */
public final class LeaseLostException extends RuntimeException {
  public LeaseLostException(ClaimedJob job) {
    super("job " + job.id() + " attempt " + job.attempt() + " lost its lease");
  }
}
