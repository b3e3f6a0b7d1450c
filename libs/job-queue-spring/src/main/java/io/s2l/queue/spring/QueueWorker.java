package io.s2l.queue.spring;

import io.s2l.queue.JobEvents;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobRunner;
import io.s2l.queue.QueueTimings;
import io.s2l.queue.WorkerCapabilities;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A process's one job thread, started with the application and stopped before it shuts down. It
 * claims every kind its {@link JobHandlers} know, one job at a time, and runs each with {@link
 * JobRunner}: the lease renewed by heartbeats, the attempt as fencing token, the job timeout, a
 * failure recorded for the retry policy, a lost lease abandoned, metrics by kind and outcome, the
 * study and job ids in the log's MDC. On stop the running job is handed back at its next lease
 * check.
 */
public final class QueueWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

  private final JobRunner runner;
  private final List<String> kinds;
  private final String owner;
  private final String name;
  private final Duration idlePoll;
  private final Duration stopTimeout;

  /**
   * @param owner this process's id in the queue, e.g. {@code trainer-4242@host}
   * @param timings checked ones ({@link QueueProperties#timings})
   */
  public QueueWorker(
      JobQueue queue,
      JobHandlers handlers,
      String owner,
      QueueTimings timings,
      WorkerCapabilities capabilities,
      JobEvents events,
      QueueProperties properties) {
    this.kinds = handlers.kinds();
    this.owner = owner;
    this.name = properties.workerName();
    this.idlePoll = properties.idlePoll();
    this.stopTimeout = properties.stopTimeout();
    this.runner =
        new JobRunner(queue, kinds, owner, timings, capabilities, handlers).reportingTo(events);
  }

  /** Rescues expired leases, then claims and runs at most one job; whether one was claimed. */
  public boolean runOnce() throws Exception {
    return runner.runOnce();
  }

  @Override
  public void start() {
    runner.start(idlePoll, name);
    log.info("{} polling for {} jobs as {}", name, kinds, owner);
  }

  @Override
  public void stop() {
    runner.stopAndWait(stopTimeout);
  }

  @Override
  public boolean isRunning() {
    return runner.isRunning();
  }
}
