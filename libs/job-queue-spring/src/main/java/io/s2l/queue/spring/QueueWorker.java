package io.s2l.queue.spring;

import io.s2l.queue.JobEvents;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobRunner;
import io.s2l.queue.QueueTimings;
import io.s2l.queue.WorkerCapabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A process's job threads ({@link QueueProperties#workers}: one unless {@code
 * s2l.queue.concurrency} says otherwise, no more than its connection pool serves), started with the
 * application and stopped before it shuts down. Each claims every kind its {@link JobHandlers}
 * know, one job at a time, and runs it with a {@link JobRunner} of its own: the lease renewed by
 * heartbeats, the attempt as fencing token, the job timeout of its kind, a failure recorded for the
 * retry policy, a lost lease abandoned, metrics by kind and outcome, the study and job ids in the
 * log's MDC. The threads share the process's owner id in the queue; each job's attempt number tells
 * their leases apart. On stop the running jobs are handed back at their next lease check.
 */
public final class QueueWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

  private final List<JobRunner> runners;
  private final List<String> kinds;
  private final String owner;
  private final String name;
  private final Duration idlePoll;
  private final Duration stopTimeout;

  /**
   * @param owner this process's id in the queue, e.g. {@code trainer-4242@host}
   * @param timings checked ones ({@link QueueProperties#timings})
   * @param poolSize the largest number of connections of the pool the jobs share; 0 when unknown,
   *     and then not counted
   * @throws IllegalStateException when the concurrency needs more connections than the pool has
   *     ({@link QueueProperties#workers(int, int)})
   */
  public QueueWorker(
      JobQueue queue,
      JobHandlers handlers,
      String owner,
      QueueTimings timings,
      WorkerCapabilities capabilities,
      JobEvents events,
      QueueProperties properties,
      int poolSize) {
    this.kinds = handlers.kinds();
    this.owner = owner;
    this.name = properties.workerName();
    this.idlePoll = properties.idlePoll();
    this.stopTimeout = properties.stopTimeout();
    int workers = properties.workers(Runtime.getRuntime().availableProcessors(), poolSize);
    List<JobRunner> made = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      made.add(
          new JobRunner(queue, kinds, owner, timings, capabilities, handlers).reportingTo(events));
    }
    this.runners = List.copyOf(made);
  }

  /**
   * Rescues expired leases, then claims and runs at most one job on the calling thread; whether one
   * was claimed.
   */
  public boolean runOnce() throws Exception {
    return runners.get(0).runOnce();
  }

  /** How many jobs this process runs at once. */
  public int concurrency() {
    return runners.size();
  }

  @Override
  public void start() {
    for (int i = 0; i < runners.size(); i++) {
      runners.get(i).start(idlePoll, runners.size() == 1 ? name : name + "-" + (i + 1));
    }
    log.info("{} polling for {} jobs as {}, {} at a time", name, kinds, owner, runners.size());
  }

  /** Asks every thread to stop at once, then waits for each: they hand their jobs back together. */
  @Override
  public void stop() {
    runners.forEach(JobRunner::stop);
    runners.forEach(runner -> runner.stopAndWait(stopTimeout));
  }

  @Override
  public boolean isRunning() {
    return runners.stream().anyMatch(JobRunner::isRunning);
  }
}
