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
 *     half the available processors, at least 1, and at most what the database connection pool
 *     serves. Each job may hold two connections at once (its own and its heartbeat's) and one is
 *     left for requests, so N jobs need a spring.datasource.hikari.maximum-pool-size of 2N + 1: a
 *     larger concurrency is refused at start-up.
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

  /** Connections one running job may hold at once: its thread's and its heartbeat's. */
  public static final int CONNECTIONS_PER_JOB = 2;

  /** Connections the jobs leave to the rest of the process: its HTTP requests, health checks. */
  public static final int CONNECTIONS_LEFT = 1;

  /** The property that sizes the pool the jobs share. */
  public static final String POOL_SIZE_PROPERTY = "spring.datasource.hikari.maximum-pool-size";

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
   * How many jobs to run at once with a pool of {@code poolSize} database connections: {@code
   * concurrency}, or half of {@code processors} (at least one) when it is 0, then at most what the
   * pool serves. A running job may hold {@link #CONNECTIONS_PER_JOB} connections at once (its
   * thread's, reading its inputs or storing its results and completing it in one transaction, and
   * its heartbeat's), and {@link #CONNECTIONS_LEFT} stays for the rest of the process (its HTTP
   * requests and health checks), so N jobs need {@code 2N + 1} connections: at most {@code
   * (poolSize - 1) / 2} jobs. Past that a job's query, its heartbeat or a request could wait the
   * pool's connection timeout and fail.
   *
   * @param poolSize the pool's largest size (spring.datasource.hikari.maximum-pool-size); 0 when
   *     unknown, and then not counted
   * @throws IllegalStateException naming the properties when the concurrency is negative, when it
   *     is set to more jobs than the pool serves, or when the pool cannot serve even one job
   */
  public int workers(int processors, int poolSize) {
    if (concurrency < 0) {
      throw new IllegalStateException(
          PREFIX + ".concurrency must be 0 (half the processors) or more, was " + concurrency);
    }
    int wanted = concurrency > 0 ? concurrency : Math.max(1, processors / 2);
    if (poolSize <= 0) {
      return wanted;
    }
    int served = (poolSize - CONNECTIONS_LEFT) / CONNECTIONS_PER_JOB;
    if (served < 1) {
      throw new IllegalStateException(
          String.format(
              "%s (%d) cannot serve one job: a job needs %d database connections at once (its"
                  + " thread's and its heartbeat's) and %d is left for requests; it must be at"
                  + " least %d",
              POOL_SIZE_PROPERTY,
              poolSize,
              CONNECTIONS_PER_JOB,
              CONNECTIONS_LEFT,
              CONNECTIONS_PER_JOB + CONNECTIONS_LEFT));
    }
    if (concurrency > served) {
      throw new IllegalStateException(
          String.format(
              "%s.concurrency (%d) needs %d database connections (%d per job, its thread's and its"
                  + " heartbeat's, and %d for requests), more than %s (%d): raise the pool to %d"
                  + " or run at most %d jobs at once",
              PREFIX,
              concurrency,
              CONNECTIONS_PER_JOB * concurrency + CONNECTIONS_LEFT,
              CONNECTIONS_PER_JOB,
              CONNECTIONS_LEFT,
              POOL_SIZE_PROPERTY,
              poolSize,
              CONNECTIONS_PER_JOB * concurrency + CONNECTIONS_LEFT,
              served));
    }
    return Math.min(wanted, served);
  }

  /**
   * The lease and job timeout, refused at start-up (naming the property) when they cannot work
   * together with a pool that may wait {@code connectionTimeout} for a connection.
   */
  public QueueTimings timings(Duration connectionTimeout) {
    return QueueTimings.validated(PREFIX, lease, jobTimeout, jobTimeouts, connectionTimeout);
  }
}
