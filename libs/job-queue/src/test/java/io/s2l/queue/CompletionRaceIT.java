package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.QueueTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two completions of one job racing, each storing a result and completing in its own transaction,
 * as handlers do: exactly one wins, and the loser's result is rolled back with its completion. So a
 * job is completed once and has one set of results, however its attempts overlap.
 */
class CompletionRaceIT {

  private static final int ROUNDS = 200;
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final List<String> TRAIN = List.of("train");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final UUID study = UUID.randomUUID();
  private final CyclicBarrier bothReady = new CyclicBarrier(2);
  private final ExecutorService completers = Executors.newFixedThreadPool(2);
  private HikariDataSource dataSource;
  private JobQueue queue;

  @BeforeEach
  void database() throws Exception {
    dataSource = QueueDatabase.fresh();
    queue = new JobQueue(dataSource, clock, RetryPolicy.DEFAULT);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE test_result (job_id bigint NOT NULL, attempt int NOT NULL,"
              + " owner text NOT NULL)");
    }
    List<NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      jobs.add(new NewJob(study, "train", "job-" + i, "{}", 3));
    }
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, jobs);
    }
  }

  @AfterEach
  void close() {
    completers.shutdownNow();
    dataSource.close();
  }

  @Test
  void oneAttemptCompletedTwiceAtOnceCompletesOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      ClaimedJob job = queue.claim(TRAIN, "w", LEASE).orElseThrow();
      List<Boolean> won = race(job, job);
      assertThat(won).as("round %d", round).containsExactlyInAnyOrder(true, false);
    }
    assertEveryJobSucceededWithOneResult();
  }

  @Test
  void aStaleAttemptRacingItsSuccessorWritesNothing() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      ClaimedJob stale = queue.claim(TRAIN, "stale", LEASE).orElseThrow();
      QueueTime.advance(dataSource, LEASE.plusSeconds(1));
      assertThat(queue.rescueExpired()).isEqualTo(1);
      ClaimedJob current = queue.claim(TRAIN, "current", LEASE).orElseThrow();
      assertThat(current.id()).isEqualTo(stale.id());
      assertThat(current.attempt()).isEqualTo(2);

      List<Boolean> won = race(stale, current);
      assertThat(won).as("round %d: stale, current", round).containsExactly(false, true);
    }
    assertEveryJobSucceededWithOneResult();
    assertThat(count("SELECT count(*) FROM test_result WHERE attempt <> 2 OR owner <> 'current'"))
        .as("results of stale attempts")
        .isZero();
  }

  /** Completes {@code a} and {@code b} at once, on two threads; returns whether each won. */
  private List<Boolean> race(ClaimedJob a, ClaimedJob b) throws Exception {
    Future<Boolean> first = completers.submit(() -> storeResultAndComplete(a));
    Future<Boolean> second = completers.submit(() -> storeResultAndComplete(b));
    return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
  }

  /**
   * What a handler does: stores its result and completes the job in one transaction, rolled back
   * when the completion is refused. Both racers store their result before either completes.
   */
  private boolean storeResultAndComplete(ClaimedJob job) throws Exception {
    try (Connection tx = dataSource.getConnection()) {
      tx.setAutoCommit(false);
      try (PreparedStatement ps =
          tx.prepareStatement(
              "INSERT INTO test_result (job_id, attempt, owner) VALUES (?, ?, ?)")) {
        ps.setLong(1, job.id());
        ps.setInt(2, job.attempt());
        ps.setString(3, job.owner());
        ps.executeUpdate();
      }
      bothReady.await(30, TimeUnit.SECONDS);
      if (queue.complete(tx, job)) {
        tx.commit();
        return true;
      }
      tx.rollback();
      return false;
    }
  }

  private void assertEveryJobSucceededWithOneResult() throws Exception {
    assertThat(queue.counts(study, "train").succeeded()).isEqualTo(ROUNDS);
    assertThat(queue.counts(study, "train").total()).isEqualTo(ROUNDS);
    assertThat(count("SELECT count(*) FROM test_result")).isEqualTo(ROUNDS);
    assertThat(count("SELECT count(DISTINCT job_id) FROM test_result")).isEqualTo(ROUNDS);
    assertThat(
            count(
                "SELECT count(*) FROM queue.job j WHERE j.finished_at IS NULL OR NOT EXISTS"
                    + " (SELECT 1 FROM test_result r WHERE r.job_id = j.id"
                    + " AND r.attempt = j.attempt)"))
        .as("jobs without a finish time or a result of their last attempt")
        .isZero();
  }

  private long count(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
