package io.s2l.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * <p>The lease's expiry and its cap are the database's instants (see {@link JobQueue}); the
 * attempt's own check of its timeout is the one decision a worker makes alone, by the elapsed time
 * of the queue's {@link java.time.Clock} since its claim.
 *
 * @param lease the rescue horizon: how long a worker that has gone silent keeps its job
 * @param jobTimeout the longest wall time of one attempt, for kinds without a timeout of their own
 * @param kindTimeouts the longest wall time of one attempt of a kind, where it differs
 */
public record QueueTimings(
    Duration lease, Duration jobTimeout, Map<String, Duration> kindTimeouts) {

  /** The job timeout of runners built with a lease only: longer than any job ought to run. */
  public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofHours(24);

  public QueueTimings {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(jobTimeout, "jobTimeout");
    kindTimeouts = Map.copyOf(kindTimeouts);
    if (lease.isNegative() || lease.isZero() || jobTimeout.isNegative() || jobTimeout.isZero()) {
      throw new IllegalArgumentException(
          "lease (" + lease + ") and job timeout (" + jobTimeout + ") must be positive");
    }
    kindTimeouts.forEach(
        (kind, timeout) -> {
          if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                "the job timeout of " + kind + " (" + timeout + ") must be positive");
          }
        });
  }

  /** One job timeout for every kind. */
  public QueueTimings(Duration lease, Duration jobTimeout) {
    this(lease, jobTimeout, Map.of());
  }

  /** The longest wall time of one attempt of a job of {@code kind}. */
  public Duration jobTimeout(String kind) {
    return kindTimeouts.getOrDefault(kind, jobTimeout);
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
    return validated(prefix, lease, jobTimeout, Map.of(), connectionTimeout);
  }

  /**
   * As above, with the job timeouts of some kinds ({@code <prefix>.job-timeouts.<kind>}) checked
   * like {@code <prefix>.job-timeout}.
   */
  public static QueueTimings validated(
      String prefix,
      Duration lease,
      Duration jobTimeout,
      Map<String, Duration> kindTimeouts,
      Duration connectionTimeout) {
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    String leaseProperty = prefix + ".lease";
    requirePositive(leaseProperty, lease);
    requirePositive(prefix + ".job-timeout", jobTimeout);
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
    requireLongerThanLease(prefix + ".job-timeout", jobTimeout, leaseProperty, lease);
    for (Map.Entry<String, Duration> kind : new TreeMap<>(kindTimeouts).entrySet()) {
      String property = prefix + ".job-timeouts." + kind.getKey();
      requireLongerThanLease(property, kind.getValue(), leaseProperty, lease);
    }
    return new QueueTimings(lease, jobTimeout, kindTimeouts);
  }

  private static void requireLongerThanLease(
      String property, Duration timeout, String leaseProperty, Duration lease) {
    requirePositive(property, timeout);
    if (timeout.compareTo(lease) <= 0) {
      throw new InvalidQueueTimingsException(
          property,
          String.format(
              "%s (%s) must be longer than %s (%s): an attempt holds its job for at least one"
                  + " lease, so it cannot time out sooner",
              property, timeout, leaseProperty, lease));
    }
  }

  private static void requirePositive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidQueueTimingsException(
          property, property + " must be a positive duration, was " + value);
    }
  }
}
