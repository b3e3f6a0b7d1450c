package io.s2l.queue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>Each attempt may run for {@link QueueTimings#jobTimeout(String)} of its kind at most. Past it
 * the lease is no longer renewed (the database caps it at {@code jobTimeout + lease} after the
 * claim, by its own clock), so that any worker's rescue returns the job to the queue even when this
 * worker's handler hangs (stuck in native code, say) and never looks at its lease. The runner also
 * interrupts the handler's thread once, so a handler waiting on I/O, a lock or a sleep stops at
 * once. A handler that checks its lease gets a {@link JobTimedOutException}; either way the attempt
 * is recorded as failed ("timed out after PT6H"), the retry policy deciding what comes next. A
 * handler hung in native code still holds this runner's thread; only its job is freed.
 *
 * <p>Whether its own attempt has run past its timeout is the one thing a runner decides by the
 * queue's {@link Clock}, as an elapsed time since its claim; every instant in the database is the
 * database's.
 */
public final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final JobQueue queue;
  private final List<String> kinds;
  private final String owner;
  private final QueueTimings timings;
  private final Clock clock;
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

  /**
   * A runner that claims only jobs its {@code capabilities} can run, and advertises them; its jobs
   * time out after {@link QueueTimings#DEFAULT_JOB_TIMEOUT}.
   */
  public JobRunner(
      JobQueue queue,
      List<String> kinds,
      String owner,
      Duration lease,
      WorkerCapabilities capabilities,
      JobHandler handler) {
    this(queue, kinds, owner, QueueTimings.withDefaultTimeout(lease), capabilities, handler);
  }

  /**
   * A runner that claims only jobs its {@code capabilities} can run, holding each for {@code
   * timings}: services pass {@link QueueTimings#validated} ones.
   */
  public JobRunner(
      JobQueue queue,
      List<String> kinds,
      String owner,
      QueueTimings timings,
      WorkerCapabilities capabilities,
      JobHandler handler) {
    this.capabilities = capabilities;
    this.queue = queue;
    this.clock = queue.clock();
    this.kinds = List.copyOf(kinds);
    this.owner = owner;
    this.timings = timings;
    this.handler = handler;
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heartbeat-" + owner);
              t.setDaemon(true);
              return t;
            });
  }

  /** Where to report each job's outcome and duration (nothing by default). */
  public JobRunner reportingTo(JobEvents events) {
    this.events = events;
    return this;
  }

  /** Polls until {@link #stop()}, sleeping {@code idle} when no job is claimable. */
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
    Optional<ClaimedJob> claimed = queue.claim(kinds, owner, timings.lease(), capabilities);
    if (claimed.isEmpty()) {
      return false;
    }
    ClaimedJob job = claimed.get();
    log.info("claimed job {} ({} {}) attempt {}", job.id(), job.kind(), job.key(), job.attempt());
    Duration timeout = timings.jobTimeout(job.kind());
    Heartbeat beat = new Heartbeat(job, timeout, Thread.currentThread());
    long period = timings.heartbeatPeriod().toMillis();
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
      try {
        handler.handle(job, beat);
      } finally {
        beat.handled();
      }
      outcome = JobEvents.SUCCEEDED;
      log.info("job {} succeeded", job.id());
    } catch (LeaseLostException e) {
      log.warn("job {} attempt {} abandoned: its lease was lost", job.id(), job.attempt());
    } catch (WorkerStoppingException e) {
      boolean released = queue.release(job);
      outcome = JobEvents.HANDED_BACK;
      log.info("job {} {} on shutdown", job.id(), released ? "handed back" : "already taken over");
    } catch (JobTimedOutException e) {
      outcome = failed(job, "timed out after " + e.timeout(), e);
    } catch (Exception | Error e) {
      // a handler interrupted at its timeout fails however it stopped: say why it was stopped
      String reason =
          beat.interrupted
              ? "timed out after " + timeout
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      outcome = failed(job, reason, e);
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

  /** Records a failed attempt and returns its outcome for {@link JobEvents}. */
  private String failed(ClaimedJob job, String reason, Throwable e) throws SQLException {
    Optional<JobState> next = queue.fail(job, reason);
    log.error(
        "job {} attempt {} failed ({}); now {}",
        job.id(),
        job.attempt(),
        reason,
        next.map(Enum::name).orElse("held by another attempt"),
        e);
    return next.map(s -> s == JobState.QUEUED ? JobEvents.RETRIED : JobEvents.FAILED)
        .orElse(JobEvents.LOST);
  }

  private final class Heartbeat implements Runnable, JobContext {
    private final ClaimedJob job;
    private final Duration timeout;
    private final Instant deadline;
    private final Thread handlerThread;
    private volatile double progress;
    private volatile boolean lost;
    private volatile boolean overtimeLogged;
    private boolean handling = true; // guarded by this
    private volatile boolean interrupted;

    /**
     * Beats for {@code job}, run on {@code handlerThread}, until it times out after {@code
     * timeout}.
     */
    Heartbeat(ClaimedJob job, Duration timeout, Thread handlerThread) {
      this.job = job;
      this.timeout = timeout;
      this.deadline = clock.instant().plus(timeout);
      this.handlerThread = handlerThread;
    }

    @Override
    public void run() {
      if (clock.instant().isAfter(deadline)) {
        if (!overtimeLogged) {
          overtimeLogged = true;
          log.warn(
              "job {} attempt {} ran past its timeout of {}: its lease is no longer renewed and"
                  + " expires at the latest one lease ({}) later; its handler is interrupted",
              job.id(),
              job.attempt(),
              timeout,
              timings.lease());
          interruptHandler();
        }
        return;
      }
      try {
        if (!queue.heartbeat(job, timings.lease(), progress, timeout.plus(timings.lease()))) {
          lost = true;
        }
      } catch (Exception e) {
        // The lease is still ours until it expires; the next beat tries again.
        log.warn("heartbeat for job {} failed: {}", job.id(), e.getMessage());
      }
    }

    /**
     * Interrupts the handler, unless it has returned: the runner's thread must not be hit later.
     */
    private synchronized void interruptHandler() {
      if (handling) {
        interrupted = true;
        handlerThread.interrupt();
      }
    }

    /** The handler has returned: no interrupt comes after this, and one that came is cleared. */
    synchronized void handled() {
      handling = false;
      Thread.interrupted();
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
      if (clock.instant().isAfter(deadline)) {
        throw new JobTimedOutException(job, timeout);
      }
      if (stopping.get()) {
        throw new WorkerStoppingException(job);
      }
    }
  }
}
