package io.s2l.queue;

import java.time.Duration;

/**
 * Thrown inside a job by {@link JobContext#checkLease()} when its attempt has run longer than the
 * runner's job timeout ({@link QueueTimings#jobTimeout()}): the work must stop unsaved, and the
 * runner records the attempt as failed, so the retry policy and the job's attempts apply.
 */
public final class JobTimedOutException extends RuntimeException {

  private final Duration timeout;

  public JobTimedOutException(ClaimedJob job, Duration timeout) {
    super("job " + job.id() + " attempt " + job.attempt() + " timed out after " + timeout);
    this.timeout = timeout;
  }

  /** The job timeout the attempt exceeded. */
  public Duration timeout() {
    return timeout;
  }
}
