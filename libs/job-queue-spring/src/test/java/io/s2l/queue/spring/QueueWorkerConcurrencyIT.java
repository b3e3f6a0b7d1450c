package io.s2l.queue.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.JobEvents;
import io.s2l.queue.JobQueue;
import io.s2l.queue.MicrometerJobEvents;
import io.s2l.queue.NewJob;
import io.s2l.queue.RetryPolicy;
import io.s2l.queue.WorkerCapabilities;
import io.s2l.testsupport.TestDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker of several threads on a real database: its jobs run at once, and one that runs past the
 * time limit of its kind is stopped and failed with the reason, while the others go on.
 */
class QueueWorkerConcurrencyIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration LEASE = Duration.ofMillis(300);

  private HikariDataSource dataSource;
  private JobQueue queue;
  private JdbcTemplate jdbc;
  private QueueWorker worker;

  @BeforeEach
  void database() {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(db.url());
    dataSource.setUsername(db.user());
    dataSource.setPassword(db.password());
    dataSource.setMaximumPoolSize(6);
    queue = JobQueue.migrated(dataSource, Clock.systemUTC());
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterEach
  void close() {
    if (worker != null) {
      worker.stop();
    }
    dataSource.close();
  }

  @Test
  void twoJobsRunAtOnce() throws Exception {
    // each job waits for the other to be running: one thread alone would never get past it
    CyclicBarrier both = new CyclicBarrier(2);
    worker =
        worker(
            2,
            Map.of(),
            handler("analyze", (job, context) -> both.await(WAIT.toSeconds(), TimeUnit.SECONDS)));
    enqueue("analyze", "a", 1);
    enqueue("analyze", "b", 1);
    assertThat(worker.concurrency()).isEqualTo(2);

    worker.start();

    awaitStates("succeeded", "succeeded");
  }

  @Test
  void aJobPastItsKindsTimeLimitIsStoppedAndRecordedWhileTheOthersRun() throws Exception {
    worker =
        worker(
            2,
            Map.of("attribute", Duration.ofMillis(600)),
            handler("attribute", (job, context) -> Thread.sleep(WAIT.toMillis())),
            handler("analyze", (job, context) -> {}));
    enqueue("attribute", "long", 1);
    worker.start();
    awaitState("long", "running");
    enqueue("analyze", "short", 1);

    awaitStates("failed", "succeeded");
    assertThat(
            jdbc.queryForObject(
                "SELECT last_error FROM queue.job WHERE job_key = 'long'", String.class))
        .isEqualTo("timed out after PT0.6S");
  }

  @Test
  void aPoolOfTwoConnectionsPerJobAndOneMoreServesTheJobsTheirHeartbeatsAndARequest()
      throws Exception {
    // 2 jobs x (its thread's + its heartbeat's) + 1 request: the smallest pool the rule accepts
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(dataSource.getJdbcUrl());
      pool.setUsername(dataSource.getUsername());
      pool.setPassword(dataSource.getPassword());
      pool.setMaximumPoolSize(5);
      pool.setConnectionTimeout(250);
      JobQueue shared = new JobQueue(pool, Clock.systemUTC(), RetryPolicy.DEFAULT);
      // each job holds its connection through several heartbeats and past its first lease (1.5 s):
      // a heartbeat that found no connection within 250 ms twice in a row would lose the job
      JobHandler holding =
          new JobHandler() {
            @Override
            public String kind() {
              return "analyze";
            }

            @Override
            public void handle(ClaimedJob job, JobContext context) throws Exception {
              try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                c.createStatement().execute("SELECT pg_sleep(3.5)");
                context.checkLease();
                assertThat(shared.complete(c, job)).isTrue();
                c.commit();
              }
            }
          };
      QueueProperties properties =
          new QueueProperties(
              Duration.ofMillis(1500),
              Duration.ofSeconds(60),
              Duration.ofMillis(20),
              WAIT,
              "analysis",
              List.of(),
              Map.of(),
              2);
      enqueue("analyze", "a", 1);
      enqueue("analyze", "b", 1);
      worker =
          new QueueWorker(
              shared,
              new JobHandlers(List.of(holding)),
              "analysis-test",
              properties.timings(Duration.ofMillis(pool.getConnectionTimeout())),
              WorkerCapabilities.ANY_CPU,
              JobEvents.NONE,
              properties,
              pool.getMaximumPoolSize());
      worker.start();
      awaitState("a", "running");
      awaitState("b", "running");
      try (Connection request = pool.getConnection()) {
        request.createStatement().execute("SELECT pg_sleep(2)");
      }
      // past their first lease, both jobs still hold theirs: every heartbeat found a connection
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM queue.job WHERE state = 'running'"
                      + " AND lease_expires_at > now()",
                  Integer.class))
          .isEqualTo(2);

      awaitStates("succeeded", "succeeded");
      assertThat(jdbc.queryForList("SELECT attempt FROM queue.job", Integer.class)).containsOnly(1);
      worker.stop();
    }
  }

  /** A body of a job handler that may throw anything. */
  interface Body {
    void run(ClaimedJob job, JobContext context) throws Exception;
  }

  /** A handler of {@code kind} that runs {@code body}, then completes its job. */
  private JobHandler handler(String kind, Body body) {
    return new JobHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void handle(ClaimedJob job, JobContext context) throws Exception {
        body.run(job, context);
        try (Connection c = dataSource.getConnection()) {
          c.setAutoCommit(false);
          assertThat(queue.complete(c, job)).isTrue();
          c.commit();
        }
      }
    };
  }

  private QueueWorker worker(
      int concurrency, Map<String, Duration> limits, JobHandler... handlers) {
    QueueProperties properties =
        new QueueProperties(
            LEASE,
            Duration.ofSeconds(60),
            Duration.ofMillis(20),
            WAIT,
            "analysis",
            List.of(),
            limits,
            concurrency);
    return new QueueWorker(
        queue,
        new JobHandlers(List.of(handlers)),
        "analysis-test",
        properties.timings(Duration.ZERO),
        WorkerCapabilities.ANY_CPU,
        new MicrometerJobEvents(new SimpleMeterRegistry()),
        properties,
        dataSource.getMaximumPoolSize());
  }

  private void enqueue(String kind, String key, int attempts) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, List.of(new NewJob(UUID.randomUUID(), kind, key, "{}", attempts)));
    }
  }

  private void awaitState(String key, String state) throws InterruptedException {
    Instant giveUp = Instant.now().plus(WAIT);
    while (!state.equals(
            jdbc.queryForObject("SELECT state FROM queue.job WHERE job_key = ?", String.class, key))
        && Instant.now().isBefore(giveUp)) {
      Thread.sleep(20);
    }
    assertThat(
            jdbc.queryForObject("SELECT state FROM queue.job WHERE job_key = ?", String.class, key))
        .isEqualTo(state);
  }

  /** Waits until the jobs, in id order, are in {@code states}. */
  private void awaitStates(String... states) throws InterruptedException {
    Instant giveUp = Instant.now().plus(WAIT);
    while (!states().equals(List.of(states)) && Instant.now().isBefore(giveUp)) {
      Thread.sleep(20);
    }
    assertThat(states()).containsExactly(states);
  }

  private List<String> states() {
    return jdbc.queryForList("SELECT state FROM queue.job ORDER BY id", String.class);
  }
}
