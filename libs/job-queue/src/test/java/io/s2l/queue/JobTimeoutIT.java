package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.QueueTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job timeout: an attempt that runs too long fails if it looks at its lease, and loses its job
 * to another worker if it hangs and never does.
 */
class JobTimeoutIT {

  private static final List<String> TRAIN = List.of("train");
  private static final QueueTimings SHORT =
      new QueueTimings(Duration.ofMillis(300), Duration.ofMillis(600));
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final UUID study = UUID.randomUUID();
  private HikariDataSource dataSource;
  private JobQueue queue;

  @BeforeEach
  void database() {
    dataSource = QueueDatabase.fresh();
    queue = queueWith(clock);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  private JobQueue queueWith(Clock clock) {
    return new JobQueue(
        dataSource, clock, new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1)));
  }

  @Test
  void anAttemptThatChecksItsLeasePastTheTimeoutFailsAndIsRetriedByPolicy() throws Exception {
    enqueue(queue, 2);
    JobRunner runner =
        new JobRunner(
            queue,
            TRAIN,
            "w",
            new QueueTimings(Duration.ofSeconds(30), Duration.ofHours(6)),
            WorkerCapabilities.ANY_CPU,
            (job, context) -> {
              clock.advance(Duration.ofHours(6)); // exactly the timeout: still allowed
              context.checkLease();
              clock.advance(Duration.ofSeconds(1));
              context.checkLease();
              throw new AssertionError("checkLease let a timed-out attempt go on");
            });
    List<String> outcomes = new CopyOnWriteArrayList<>();
    runner.reportingTo((job, outcome, took) -> outcomes.add(outcome));

    assertThat(runner.runOnce()).isTrue();
    assertThat(row("state")).isEqualTo("queued");
    assertThat(row("last_error")).isEqualTo("timed out after PT6H");
    QueueTime.advance(dataSource, Duration.ofSeconds(10)); // the retry policy's backoff
    assertThat(runner.runOnce()).isTrue();
    assertThat(row("state")).isEqualTo("failed");
    assertThat(outcomes).containsExactly(JobEvents.RETRIED, JobEvents.FAILED);
  }

  @Test
  void aHungAttemptsLeaseIsRenewedUntilItsTimeoutAndNeverPastOneLeaseLater() throws Exception {
    JobQueue realTime = queueWith(Clock.systemUTC());
    enqueue(realTime, 3);
    Hung hung = new Hung();
    hung.runOnce(new JobRunner(realTime, TRAIN, "stuck", SHORT, WorkerCapabilities.ANY_CPU, hung));

    // watch the lease (in ms after the claim, by the database's clock) until it runs out
    long longest = 0;
    Instant giveUp = Instant.now().plus(WAIT);
    while (realTime.rescueExpired() == 0 && Instant.now().isBefore(giveUp)) {
      longest = Math.max(longest, leaseAfterClaimMillis());
      Thread.sleep(10);
    }
    assertThat(row("state")).isEqualTo("queued");
    assertThat(longest).as("renewed past the first lease").isGreaterThan(300);
    assertThat(longest).as("never past timeout + lease").isLessThanOrEqualTo(900);

    // the hung attempt, back at last, has timed out and is refused
    hung.release();
    assertThat(hung.outcomes).containsExactly(JobEvents.LOST);
  }

  @Test
  void aHandlerWaitingPastItsTimeoutIsInterruptedAndItsAttemptFails() throws Exception {
    JobQueue realTime = queueWith(Clock.systemUTC());
    enqueue(realTime, 3);
    List<String> outcomes = new CopyOnWriteArrayList<>();
    JobRunner runner =
        new JobRunner(
                realTime,
                TRAIN,
                "w",
                SHORT,
                WorkerCapabilities.ANY_CPU,
                (job, context) -> Thread.sleep(WAIT.toMillis()))
            .reportingTo((job, outcome, took) -> outcomes.add(outcome));
    long started = System.nanoTime();
    assertThat(runner.runOnce()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT.dividedBy(2));
    assertThat(outcomes).containsExactly(JobEvents.RETRIED);
    assertThat(row("state")).isEqualTo("queued");
    assertThat(row("last_error")).isEqualTo("timed out after PT0.6S");
    assertThat(Thread.currentThread().isInterrupted())
        .as("the runner's thread is not left interrupted")
        .isFalse();
  }

  @Test
  void eachKindMayHaveATimeoutOfItsOwn() throws Exception {
    QueueTimings timings =
        new QueueTimings(
            Duration.ofSeconds(30),
            Duration.ofHours(2),
            java.util.Map.of("train", Duration.ofHours(6)));
    assertThat(timings.jobTimeout("train")).isEqualTo(Duration.ofHours(6));
    assertThat(timings.jobTimeout("analyze")).isEqualTo(Duration.ofHours(2));
    enqueue(queue, 1);
    JobRunner runner =
        new JobRunner(
            queue,
            TRAIN,
            "w",
            timings,
            WorkerCapabilities.ANY_CPU,
            (job, context) -> {
              clock.advance(Duration.ofHours(3)); // past the default, within the kind's own
              context.checkLease();
              clock.advance(Duration.ofHours(4));
              context.checkLease();
            });
    assertThat(runner.runOnce()).isTrue();
    assertThat(row("last_error")).isEqualTo("timed out after PT6H");
  }

  @Test
  void aHungHandlersJobIsRescuedAndClaimedByAnotherRunnerAfterTheTimeout() throws Exception {
    JobQueue realTime = queueWith(Clock.systemUTC());
    enqueue(realTime, 3);
    Hung hung = new Hung();
    hung.runOnce(new JobRunner(realTime, TRAIN, "stuck", SHORT, WorkerCapabilities.ANY_CPU, hung));
    CompletableFuture<ClaimedJob> reclaimed = new CompletableFuture<>();
    JobRunner rescuer =
        new JobRunner(
            realTime,
            TRAIN,
            "rescuer",
            SHORT,
            WorkerCapabilities.ANY_CPU,
            (job, context) -> {
              completing(realTime).handle(job, context);
              reclaimed.complete(job);
            });
    rescuer.start(Duration.ofMillis(20), "rescuer");
    try {
      ClaimedJob second = reclaimed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(second.attempt()).isEqualTo(2);
      assertThat(hung.loop.isAlive()).as("the first handler is still hung").isTrue();
      assertThat(row("state")).isEqualTo("succeeded");
    } finally {
      rescuer.stopAndWait(WAIT);
      hung.release();
    }
    // the hung attempt, back at last, is refused: the job stays completed by the second
    assertThat(hung.outcomes).containsExactly(JobEvents.LOST);
    assertThat(row("state")).isEqualTo("succeeded");
  }

  @Test
  void aCappedHeartbeatNeverRenewsTheLeasePastItsCap() throws Exception {
    enqueue(queue, 3);
    ClaimedJob job = queue.claim(TRAIN, "w", Duration.ofSeconds(30)).orElseThrow();
    assertThat(queue.heartbeat(job, Duration.ofSeconds(30), 0.5, Duration.ofSeconds(10))).isTrue();
    assertThat(leaseAfterClaimMillis()).isEqualTo(10_000);
    QueueTime.advance(dataSource, Duration.ofSeconds(11));
    assertThat(queue.rescueExpired()).isEqualTo(1);
  }

  /** A handler that hangs, ignoring its lease, until released; then looks at the lease. */
  private static final class Hung implements JobHandler {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    final List<String> outcomes = new CopyOnWriteArrayList<>();
    private JobRunner runner;
    private Thread loop;

    @Override
    public void handle(ClaimedJob job, JobContext context) throws Exception {
      started.countDown();
      // like a call into native code: deaf to interrupts until it returns
      boolean done = false;
      while (!done) {
        try {
          released.await();
          done = true;
        } catch (InterruptedException e) {
          // keep hanging
        }
      }
      context.checkLease();
    }

    /** Runs one job of {@code runner} on a thread of its own; returns once the handler hangs. */
    void runOnce(JobRunner runner) throws Exception {
      this.runner = runner.reportingTo((job, outcome, took) -> outcomes.add(outcome));
      loop =
          new Thread(
              () -> {
                try {
                  runner.runOnce();
                } catch (Exception e) {
                  outcomes.add(e.toString());
                }
              },
              "hung");
      loop.setDaemon(true); // a failed test must not leave the JVM waiting for it
      loop.start();
      assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Lets the handler go on and waits for its runner to record the outcome. */
    void release() throws InterruptedException {
      released.countDown();
      runner.awaitStopped(loop, WAIT);
    }
  }

  /** A handler that completes its job, as real handlers do: in a transaction of its own. */
  private JobHandler completing(JobQueue on) {
    return (job, context) -> {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        if (!on.complete(c, job)) {
          c.rollback();
          throw new LeaseLostException(job);
        }
        c.commit();
      }
    };
  }

  private void enqueue(JobQueue on, int maxAttempts) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      on.enqueue(c, List.of(new NewJob(study, "train", "job-0", "{}", maxAttempts)));
    }
  }

  private String row(String column) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT " + column + " FROM queue.job")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** How long after its claim the job's lease ends, in ms of the database's clock. */
  private long leaseAfterClaimMillis() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT round(extract(epoch FROM lease_expires_at - claimed_at) * 1000)::bigint"
                    + " FROM queue.job");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
