package io.s2l.queue.spring;

import io.s2l.queue.QueueTimings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this process uses the job queue ({@code s2l.queue.*}). The defaults suit a laptop; a service
 * whose jobs run longer sets its own {@code job-timeout}. Each description below is also the
 * property's description in the configuration metadata that IDEs show.
 *
 * @param lease Lease on a claimed job, renewed every third of it: how long a process that has gone
 *     silent keeps its job before another worker's rescue returns it to the queue. Must be longer
 *     than a third of it plus the database connection timeout
 *     (spring.datasource.hikari.connection-timeout), checked at start-up.
 * @param jobTimeout The longest one attempt may run. Past it the lease is no longer renewed and the
 *     attempt fails ("timed out after ..."), to be retried by the retry policy, so that a hung job
 *     is rescued at most job-timeout + lease after it started. Must be longer than the lease.
 * @param idlePoll Pause between polls when no job is claimable.
 * @param stopTimeout How long shutdown waits for the running job to notice and be handed back.
 * @param workerName Names the worker's thread and prefixes its owner id in the queue
 *     (name-pid@host), so that a job's holder says which service runs it.
 * @param kinds The job kinds this process claims, among those it has handlers for; empty (the
 *     default) claims them all. Lets one image run as several Deployments, each claiming its own
 *     kinds. A kind no handler of the process runs is refused at start-up.
 * @param jobTimeouts The longest one attempt of a kind may run, for kinds whose limit differs from
 *     job-timeout (s2l.queue.job-timeouts.attribute=30m, say). Past it the attempt fails like any
 *     timed-out one. Each must be longer than the lease.
 * @param concurrency How many jobs the process runs at once, each on a thread of its own; 0 means
 *     half the available processors, at least 1.
 */
@ConfigurationProperties(QueueProperties.PREFIX)
public record QueueProperties(
    @DefaultValue("60s") Duration lease,
    @DefaultValue("2h") Duration jobTimeout,
    @DefaultValue("1s") Duration idlePoll,
    @DefaultValue("30s") Duration stopTimeout,
    @DefaultValue("worker") String workerName,
    @DefaultValue List<String> kinds,
    @DefaultValue Map<String, Duration> jobTimeouts,
    @DefaultValue("1") int concurrency) {

  public static final String PREFIX = "s2l.queue";

  @ConstructorBinding
  public QueueProperties {
    jobTimeouts = jobTimeouts == null ? Map.of() : Map.copyOf(jobTimeouts);
  }

  /** One job at a time, one job timeout for every kind. */
  public QueueProperties(
      Duration lease,
      Duration jobTimeout,
      Duration idlePoll,
      Duration stopTimeout,
      String workerName,
      List<String> kinds) {
    this(lease, jobTimeout, idlePoll, stopTimeout, workerName, kinds, Map.of(), 1);
  }

  /**
   * How many jobs to run at once: {@code concurrency}, or half of {@code processors} (at least one)
   * when it is 0.
   *
   * @throws IllegalStateException naming the property when it is negative
   */
  public int workers(int processors) {
    if (concurrency < 0) {
      throw new IllegalStateException(
          PREFIX + ".concurrency must be 0 (half the processors) or more, was " + concurrency);
    }
    return concurrency > 0 ? concurrency : Math.max(1, processors / 2);
  }

  /**
   * The lease and job timeout, refused at start-up (naming the property) when they cannot work
   * together with a pool that may wait {@code connectionTimeout} for a connection.
   */
  public QueueTimings timings(Duration connectionTimeout) {
    return QueueTimings.validated(PREFIX, lease, jobTimeout, jobTimeouts, connectionTimeout);
  }
}
