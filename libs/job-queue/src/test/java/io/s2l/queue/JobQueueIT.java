package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.QueueTime;
import io.s2l.testsupport.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class JobQueueIT {

  private static final Duration LEASE = Duration.ofSeconds(30);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private PGSimpleDataSource dataSource;
  private JobQueue queue;
  private final UUID study = UUID.randomUUID();

  @BeforeEach
  void database() {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.url());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    QueueSchema.migrate(dataSource);
    queue =
        new JobQueue(
            dataSource, clock, new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1)));
  }

  private void enqueue(int count, int maxAttempts) throws Exception {
    List<NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(new NewJob(study, "train", "job-" + i, "{\"i\": " + i + "}", maxAttempts));
    }
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, jobs);
    }
  }

  @Test
  void concurrentClaimersNeverShareAJob() throws Exception {
    enqueue(200, 3);
    assertThat(Claimers.claimAll(queue, List.of("train"), 8, LEASE)).hasSize(200);
    assertThat(queue.counts(study, "train").running()).isEqualTo(200);
  }

  @Test
  void enqueueAbsentLeavesExistingJobsAlone() throws Exception {
    enqueue(1, 3);
    ClaimedJob running = queue.claim(List.of("train"), "a", LEASE).orElseThrow();
    try (Connection c = dataSource.getConnection()) {
      queue.enqueueAbsent(
          c,
          List.of(
              new NewJob(study, "train", "job-0", "{\"i\": 99}", 3),
              new NewJob(study, "train", "job-1", "{\"i\": 1}", 3)));
    }
    assertThat(queue.counts(study, "train").total()).isEqualTo(2);
    assertThat(queue.counts(study, "train").running()).isEqualTo(1);
    ClaimedJob added = queue.claim(List.of("train"), "b", LEASE).orElseThrow();
    assertThat(added.id()).isNotEqualTo(running.id());
    assertThat(added.payloadJson()).contains("1");
  }

  @Test
  void cancellingAStudyDequeuesItsJobsAndStopsItsRunningOnes() throws Exception {
    enqueue(3, 3);
    ClaimedJob running = queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    UUID other = UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, List.of(new NewJob(other, "train", "x", "{}", 3)));
      assertThat(queue.cancel(c, study)).isEqualTo(3);
    }
    // the running attempt loses its job: no heartbeat, no completion, no failure recorded
    assertThat(queue.heartbeat(running, LEASE, 0.5)).isFalse();
    try (Connection c = dataSource.getConnection()) {
      assertThat(queue.complete(c, running)).isFalse();
    }
    assertThat(queue.fail(running, "late")).isEmpty();
    assertThat(queue.counts(study, "train").total()).isZero();
    // nothing of the cancelled study is claimable, even after a lease would have expired
    QueueTime.advance(dataSource, Duration.ofHours(1));
    assertThat(queue.rescueExpired()).isZero();
    ClaimedJob next = queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    assertThat(next.studyId()).isEqualTo(other);
    assertThat(queue.claim(List.of("train"), "w", LEASE)).isEmpty();
  }

  @Test
  void higherPriorityJobsAreClaimedFirstThenOldestFirst() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(study, "train", "low-old", "{}", 3, false, 0, 0),
              new NewJob(study, "train", "high", "{}", 3, false, 0, 5),
              new NewJob(study, "train", "low-new", "{}", 3, false, 0, 0),
              new NewJob(study, "train", "middle", "{}", 3, false, 0, 2)));
    }
    List<String> order = new ArrayList<>();
    Optional<ClaimedJob> job;
    while ((job = queue.claim(List.of("train"), "w", LEASE)).isPresent()) {
      order.add(job.get().key());
    }
    assertThat(order).containsExactly("high", "middle", "low-old", "low-new");
  }

  @Test
  void jobsFailedForGoodAreListedAsDeadLettersWithTheirLastError() throws Exception {
    enqueue(3, 1);
    ClaimedJob a = queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    queue.fail(a, "first reason");
    QueueTime.advance(dataSource, Duration.ofSeconds(1));
    ClaimedJob b = queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    queue.fail(b, "second reason");
    assertThat(queue.deadLetterCount()).isEqualTo(2);
    List<DeadLetter> letters = queue.deadLetters(10, 0);
    assertThat(letters)
        .extracting(DeadLetter::lastError)
        .containsExactly("second reason", "first reason");
    assertThat(letters.get(0).attempt()).isEqualTo(1);
    assertThat(queue.deadLetters(1, 1)).extracting(DeadLetter::key).containsExactly(a.key());
  }

  @Test
  void onlyTheAskedKindsAreClaimed() throws Exception {
    enqueue(1, 3);
    assertThat(queue.claim(List.of("analyze"), "a", LEASE)).isEmpty();
    assertThat(queue.claim(List.of("analyze", "train"), "a", LEASE)).isPresent();
  }

  @Test
  void anExpiredLeaseIsClaimedAgainWithItsAttemptRaised() throws Exception {
    enqueue(1, 3);
    ClaimedJob first = queue.claim(List.of("train"), "dead-worker", LEASE).orElseThrow();
    assertThat(first.attempt()).isEqualTo(1);

    // (the database's own clock runs on too: a margin of seconds keeps a slow machine green)
    QueueTime.advance(dataSource, LEASE.minusSeconds(10));
    assertThat(queue.rescueExpired()).isZero();
    assertThat(queue.claim(List.of("train"), "other", LEASE)).isEmpty();

    QueueTime.advance(dataSource, Duration.ofSeconds(11));
    assertThat(queue.rescueExpired()).isEqualTo(1);
    ClaimedJob second = queue.claim(List.of("train"), "other", LEASE).orElseThrow();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.attempt()).isEqualTo(2);

    // The first attempt is fenced off: its heartbeat and completion are refused.
    assertThat(queue.heartbeat(first, LEASE, 0.5)).isFalse();
    try (Connection tx = dataSource.getConnection()) {
      assertThat(queue.complete(tx, first)).isFalse();
      assertThat(queue.complete(tx, second)).isTrue();
    }
    assertThat(queue.counts(study, "train").succeeded()).isEqualTo(1);
  }

  @Test
  void heartbeatsKeepTheLease() throws Exception {
    enqueue(1, 3);
    ClaimedJob job = queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    for (int i = 0; i < 5; i++) {
      QueueTime.advance(dataSource, Duration.ofSeconds(20));
      assertThat(queue.heartbeat(job, LEASE, i / 5.0)).isTrue();
      assertThat(queue.rescueExpired()).isZero();
    }
  }

  @Test
  void aFailedAttemptIsRetriedAfterBackoffUntilAttemptsRunOut() throws Exception {
    enqueue(1, 2);
    ClaimedJob first = queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    assertThat(queue.fail(first, "boom")).contains(JobState.QUEUED);
    assertThat(queue.claim(List.of("train"), "w", LEASE)).isEmpty(); // backing off 10 s
    QueueTime.advance(dataSource, Duration.ofSeconds(10));
    ClaimedJob second = queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(queue.fail(second, "boom again")).contains(JobState.FAILED);
    QueueTime.advance(dataSource, Duration.ofHours(1));
    assertThat(queue.claim(List.of("train"), "w", LEASE)).isEmpty();
    assertThat(queue.counts(study, "train").failed()).isEqualTo(1);
  }

  @Test
  void anExpiredLastAttemptFails() throws Exception {
    enqueue(1, 1);
    queue.claim(List.of("train"), "w", LEASE).orElseThrow();
    QueueTime.advance(dataSource, LEASE.plusSeconds(1));
    assertThat(queue.rescueExpired()).isEqualTo(1);
    assertThat(queue.counts(study, "train").failed()).isEqualTo(1);
  }

  @Test
  void enqueuedJobsAreInvisibleUntilTheirTransactionCommits() throws Exception {
    try (Connection tx = dataSource.getConnection()) {
      tx.setAutoCommit(false);
      queue.enqueue(tx, List.of(new NewJob(study, "train", "k", "{}", 1)));
      assertThat(queue.claim(List.of("train"), "w", LEASE)).isEmpty();
      tx.rollback();
    }
    assertThat(queue.claim(List.of("train"), "w", LEASE)).isEmpty();
  }

  @Test
  void theRunnerRecordsAThrowingHandlerAsAFailedAttempt() throws Exception {
    enqueue(1, 3);
    JobRunner runner =
        new JobRunner(
            queue,
            List.of("train"),
            "w",
            LEASE,
            (job, context) -> {
              throw new IllegalArgumentException("bad payload: no scale");
            });
    List<String> outcomes = new ArrayList<>();
    runner.reportingTo((job, outcome, took) -> outcomes.add(job.key() + " " + outcome));
    assertThat(runner.runOnce()).isTrue();
    assertThat(outcomes).containsExactly("job-0 retried");
    runner.stop();
    try (Connection c = dataSource.getConnection();
        var rs = c.createStatement().executeQuery("SELECT state, last_error FROM queue.job")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("queued");
      assertThat(rs.getString(2)).contains("bad payload: no scale");
    }
  }

  @Test
  void aReleasedJobIsClaimableAtOnceWithoutSpendingAnAttempt() throws Exception {
    enqueue(1, 1);
    ClaimedJob first = queue.claim(List.of("train"), "w1", LEASE).orElseThrow();
    assertThat(queue.release(first)).isTrue();
    ClaimedJob second = queue.claim(List.of("train"), "w2", LEASE).orElseThrow();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.maxAttempts()).isEqualTo(2); // the released attempt did not count
    assertThat(queue.heartbeat(first, LEASE, 0.1)).isFalse();
    assertThat(queue.fail(second, "boom")).contains(JobState.FAILED);
  }

  @Test
  void aStoppingRunnerHandsItsJobBack() throws Exception {
    enqueue(1, 3);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    JobRunner runner =
        new JobRunner(
            queue,
            List.of("train"),
            "w",
            LEASE,
            (job, context) -> {
              started.countDown();
              while (true) {
                context.checkLease();
                Thread.onSpinWait();
              }
            });
    Thread loop = new Thread(() -> runner.run(Duration.ofMillis(10)));
    loop.start();
    started.await();
    runner.stop();
    runner.awaitStopped(loop, Duration.ofSeconds(10));
    assertThat(loop.isAlive()).isFalse();
    assertThat(queue.counts(study, "train").queued()).isEqualTo(1);
  }

  @Test
  void aWorkerClaimsOnlyJobsItsCapabilitiesMeet() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(study, "train", "gpu", "{}", 3, true, 0),
              new NewJob(study, "train", "big", "{}", 3, false, 8L << 30),
              new NewJob(study, "train", "small", "{}", 3, false, 1L << 30)));
    }
    WorkerCapabilities laptop = new WorkerCapabilities(false, 2L << 30);
    ClaimedJob only = queue.claim(List.of("train"), "laptop", LEASE, laptop).orElseThrow();
    assertThat(only.key()).isEqualTo("small");
    assertThat(queue.claim(List.of("train"), "laptop", LEASE, laptop)).isEmpty();
    WorkerCapabilities gpuBox = new WorkerCapabilities(true, 64L << 30);
    assertThat(queue.claim(List.of("train"), "gpu-box", LEASE, gpuBox).orElseThrow().key())
        .isEqualTo("gpu");
    assertThat(queue.claim(List.of("train"), "gpu-box", LEASE, gpuBox).orElseThrow().key())
        .isEqualTo("big");
  }

  @Test
  void workersAdvertiseWhatTheyCanRun() throws Exception {
    WorkerCapabilities oneGpu = new WorkerCapabilities(true, 1L << 30, 1, 24L << 30);
    queue.advertise("w1", List.of("train"), oneGpu);
    QueueTime.advance(dataSource, Duration.ofSeconds(5));
    queue.advertise("w1", List.of("train"), oneGpu);
    try (Connection c = dataSource.getConnection();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT gpu, memory_bytes, last_seen_at > started_at, gpus, gpu_memory_bytes"
                        + " FROM queue.worker")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getLong(2)).isEqualTo(1L << 30);
      assertThat(rs.getBoolean(3)).isTrue();
      assertThat(rs.getInt(4)).isEqualTo(1);
      assertThat(rs.getLong(5)).isEqualTo(24L << 30);
    }
  }

  @Test
  void capabilitiesRefuseAGpuFlagThatContradictsTheCount() {
    assertThatThrownBy(() -> new WorkerCapabilities(true, 1L << 30, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new WorkerCapabilities(false, 1L << 30).gpus()).isZero();
  }
}
