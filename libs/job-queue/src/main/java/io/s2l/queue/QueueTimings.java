package io.s2l.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link JobRunner} holds a job.
 *
 * <p>The runner claims a job for {@code lease} and renews that lease every {@link
 * #heartbeatPeriod()} (a third of it) while the job runs. Once an attempt has run longer than
 * {@code jobTimeout} the renewals stop, and {@link JobContext#checkLease()} throws {@link
 * JobTimedOutException}, which the runner records as a failed attempt ({@code "timed out after
 * PT6H"}). So even a handler that hangs and never checks its lease loses its job: the lease expires
 * at most {@code jobTimeout + lease} after the attempt started (renewals are capped at that
 * instant), and the next poll of any worker then rescues it.
 *
 * @param lease the rescue horizon: how long a worker that has gone silent keeps its job
 * @param jobTimeout the longest wall time of one attempt, measured by the queue's clock
 */
public record QueueTimings(Duration lease, Duration jobTimeout) {

  /** The job timeout of runners built with a lease only: longer than any job ought to run. */
  public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofHours(24);

  public QueueTimings {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(jobTimeout, "jobTimeout");
    if (lease.isNegative() || lease.isZero() || jobTimeout.isNegative() || jobTimeout.isZero()) {
      throw new IllegalArgumentException(
          "lease (" + lease + ") and job timeout (" + jobTimeout + ") must be positive");
    }
  }

  /** A lease with the {@link #DEFAULT_JOB_TIMEOUT}. */
  public static QueueTimings withDefaultTimeout(Duration lease) {
    return new QueueTimings(lease, DEFAULT_JOB_TIMEOUT);
  }

  /** How often the lease is renewed: a third of it, so that two renewals may fail in a row. */
  public Duration heartbeatPeriod() {
    return Duration.ofMillis(Math.max(1, lease.toMillis() / 3));
  }

  /**
   * The timings of a service whose properties are {@code <prefix>.lease} and {@code
   * <prefix>.job-timeout}, checked at start-up. Refused, naming the property, when
   *
   * <ul>
   *   <li>either is missing or not positive;
   *   <li>the lease is not longer than one heartbeat period plus {@code connectionTimeout}: a
   *       healthy job's heartbeat that waited that long for a database connection would arrive
   *       after its lease expired, and the job would be taken from its worker;
   *   <li>the job timeout is not longer than the lease: no attempt can time out before its first
   *       lease runs out, so such a timeout promises what it cannot keep.
   * </ul>
   *
   * @param prefix the services' property prefix, e.g. {@code s2l.queue}
   * @param connectionTimeout how long taking a connection from the pool may wait (Hikari's {@code
   *     connectionTimeout}); {@link Duration#ZERO} when unknown, and then not counted
   * @throws InvalidQueueTimingsException naming the property to change and why
   */
  public static QueueTimings validated(
      String prefix, Duration lease, Duration jobTimeout, Duration connectionTimeout) {
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    String leaseProperty = prefix + ".lease";
    String timeoutProperty = prefix + ".job-timeout";
    requirePositive(leaseProperty, lease);
    requirePositive(timeoutProperty, jobTimeout);
    QueueTimings timings = new QueueTimings(lease, jobTimeout);
    Duration horizon = timings.heartbeatPeriod().plus(connectionTimeout);
    if (lease.compareTo(horizon) <= 0) {
      throw new InvalidQueueTimingsException(
          leaseProperty,
          String.format(
              "%s (%s) must be longer than one heartbeat period (%s, a third of the lease) plus"
                  + " the database connection timeout (%s): a heartbeat that waits that long for a"
                  + " connection arrives after the lease expired, and a healthy job is taken from"
                  + " its worker",
              leaseProperty, lease, timings.heartbeatPeriod(), connectionTimeout));
    }
    if (jobTimeout.compareTo(lease) <= 0) {
      throw new InvalidQueueTimingsException(
          timeoutProperty,
          String.format(
              "%s (%s) must be longer than %s (%s): an attempt holds its job for at least one"
                  + " lease, so it cannot time out sooner",
              timeoutProperty, jobTimeout, leaseProperty, lease));
    }
    return timings;
  }

  private static void requirePositive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidQueueTimingsException(
          property, property + " must be a positive duration, was " + value);
    }
  }
}
