package io.s2l.queue;

/** Thrown inside a job when its worker is shutting down: the job is handed back, not failed. */
public final class WorkerStoppingException extends RuntimeException {
  public WorkerStoppingException(ClaimedJob job) {
    super("worker " + job.owner() + " is stopping; job " + job.id() + " is handed back");
  }
}
