package io.s2l.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A worker's loop: rescue expired leases, claim one job, run it while a background thread renews
 * the lease every third of its duration, record the outcome. One job at a time.
 */
public final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final JobQueue queue;
  private final List<String> kinds;
  private final String owner;
  private final Duration lease;
  private final WorkerCapabilities capabilities;
  private final JobHandler handler;
  private final ScheduledExecutorService heartbeats;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile Thread loop;
  private volatile JobEvents events = JobEvents.NONE;

  public JobRunner(
      JobQueue queue, List<String> kinds, String owner, Duration lease, JobHandler handler) {
    this(queue, kinds, owner, lease, WorkerCapabilities.ANY_CPU, handler);
  }

  /** A runner that claims only jobs its {@code capabilities} can run, and advertises them. */
  public JobRunner(
      JobQueue queue,
      List<String> kinds,
      String owner,
      Duration lease,
      WorkerCapabilities capabilities,
      JobHandler handler) {
    this.capabilities = capabilities;
    this.queue = queue;
    this.kinds = List.copyOf(kinds);
    this.owner = owner;
    this.lease = lease;
    this.handler = handler;
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heartbeat-" + owner);
              t.setDaemon(true);
              return t;
            });
  }

  /** Polls until {@link #stop()}, sleeping {@code idle} when no job is claimable. */
  /** Where to report each job's outcome and duration (nothing by default). */
  public JobRunner reportingTo(JobEvents events) {
    this.events = events;
    return this;
  }

  public void run(Duration idle) {
    while (!stopping.get()) {
      boolean worked;
      try {
        worked = runOnce();
      } catch (Exception e) {
        log.warn("queue unavailable ({}); retrying in {}", e.getMessage(), idle);
        worked = false;
      }
      if (!worked && !stopping.get()) {
        try {
          Thread.sleep(idle.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Runs {@link #run} on a thread of its own, named {@code name}. */
  public void start(Duration idle, String name) {
    loop = new Thread(() -> run(idle), name);
    loop.start();
  }

  /** Whether the thread started by {@link #start} is running. */
  public boolean isRunning() {
    return loop != null && loop.isAlive();
  }

  /**
   * Stops the thread started by {@link #start}: a running job is handed back at its next lease
   * check; waits up to {@code timeout} for that.
   */
  public void stopAndWait(Duration timeout) {
    stop();
    if (loop != null) {
      try {
        awaitStopped(loop, timeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Asks the loop to stop. A running job notices at its next {@link JobContext#checkLease()} and is
   * handed back to the queue; call {@link #awaitStopped} to wait for that.
   */
  public void stop() {
    stopping.set(true);
  }

  /** Waits for the loop thread to finish its hand-back, then stops the heartbeat thread. */
  public void awaitStopped(Thread loop, Duration timeout) throws InterruptedException {
    loop.join(timeout.toMillis());
    heartbeats.shutdownNow();
  }

  /**
   * Rescues expired leases, then claims and runs at most one job.
   *
   * @return whether a job was claimed
   */
  public boolean runOnce() throws Exception {
    int rescued = queue.rescueExpired();
    if (rescued > 0) {
      log.info("rescued {} job(s) whose lease expired", rescued);
    }
    queue.advertise(owner, kinds, capabilities);
    Optional<ClaimedJob> claimed = queue.claim(kinds, owner, lease, capabilities);
    if (claimed.isEmpty()) {
      return false;
    }
    ClaimedJob job = claimed.get();
    log.info("claimed job {} ({} {}) attempt {}", job.id(), job.kind(), job.key(), job.attempt());
    Heartbeat beat = new Heartbeat(job);
    long period = Math.max(1, lease.toMillis() / 3);
    ScheduledFuture<?> future =
        heartbeats.scheduleAtFixedRate(beat, period, period, TimeUnit.MILLISECONDS);
    MDC.put("studyId", String.valueOf(job.studyId()));
    MDC.put("jobId", Long.toString(job.id()));
    MDC.put("jobKind", job.kind());
    MDC.put("jobKey", job.key());
    MDC.put("attempt", Integer.toString(job.attempt()));
    long started = System.nanoTime();
    String outcome = JobEvents.LOST;
    try {
      handler.handle(job, beat);
      outcome = JobEvents.SUCCEEDED;
      log.info("job {} succeeded", job.id());
    } catch (LeaseLostException e) {
      log.warn("job {} attempt {} abandoned: its lease was lost", job.id(), job.attempt());
    } catch (WorkerStoppingException e) {
      boolean released = queue.release(job);
      outcome = JobEvents.HANDED_BACK;
      log.info("job {} {} on shutdown", job.id(), released ? "handed back" : "already taken over");
    } catch (Exception | Error e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      Optional<JobState> next = queue.fail(job, reason);
      outcome =
          next.map(s -> s == JobState.QUEUED ? JobEvents.RETRIED : JobEvents.FAILED)
              .orElse(JobEvents.LOST);
      log.error(
          "job {} attempt {} failed ({}); now {}",
          job.id(),
          job.attempt(),
          reason,
          next.map(Enum::name).orElse("held by another attempt"),
          e);
    } finally {
      future.cancel(false);
      events.finished(job, outcome, Duration.ofNanos(System.nanoTime() - started));
      MDC.remove("studyId");
      MDC.remove("jobId");
      MDC.remove("jobKind");
      MDC.remove("jobKey");
      MDC.remove("attempt");
    }
    return true;
  }

  private final class Heartbeat implements Runnable, JobContext {
    private final ClaimedJob job;
    private volatile double progress;
    private volatile boolean lost;

    Heartbeat(ClaimedJob job) {
      this.job = job;
    }

    @Override
    public void run() {
      try {
        if (!queue.heartbeat(job, lease, progress)) {
          lost = true;
        }
      } catch (Exception e) {
        // The lease is still ours until it expires; the next beat tries again.
        log.warn("heartbeat for job {} failed: {}", job.id(), e.getMessage());
      }
    }

    @Override
    public void progress(double fraction) {
      progress = fraction;
    }

    @Override
    public void checkLease() {
      if (lost) {
        throw new LeaseLostException(job);
      }
      if (stopping.get()) {
        throw new WorkerStoppingException(job);
      }
    }
  }
}
