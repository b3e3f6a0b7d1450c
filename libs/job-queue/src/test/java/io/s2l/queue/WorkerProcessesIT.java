package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Worker processes against one PostgreSQL: a worker killed with SIGKILL in the middle of a job
 * loses it to another worker, which completes it exactly once; a thousand jobs over four worker
 * processes, one of them killed on the way, are each completed exactly once.
 */
class WorkerProcessesIT {

  private static final long LEASE_MILLIS = 1500;

  @TempDir Path dir;
  private TestDatabase.Coordinates db;
  private PGSimpleDataSource dataSource;
  private JobQueue queue;
  private final UUID study = UUID.randomUUID();

  @BeforeEach
  void database() throws Exception {
    db = TestDatabase.freshDatabase();
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.url());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    queue = JobQueue.migrated(dataSource, Clock.systemUTC());
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE test_done (job_id bigint NOT NULL, owner text NOT NULL)");
    }
  }

  private void enqueue(int count) throws Exception {
    List<NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(new NewJob(study, "train", "job-" + i, "{}", 5));
    }
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, jobs);
    }
  }

  private Process worker(String owner, long holdMillis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            WorkerProcess.class.getName(),
            db.url(),
            db.user(),
            db.password(),
            owner,
            Long.toString(LEASE_MILLIS),
            Long.toString(holdMillis),
            dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(owner + ".log").toFile())
        .start();
  }

  private void await(String owner, String marker) throws InterruptedException {
    Path running = dir.resolve(owner + "." + marker);
    for (int i = 0; i < 600 && !Files.exists(running); i++) {
      Thread.sleep(50);
    }
    assertThat(running).as(owner + " holds a job").exists();
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no hand-back, the lease just runs out
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private static void awaitExit(Process p) throws InterruptedException {
    assertThat(p.waitFor(180, TimeUnit.SECONDS))
        .as("worker exits when the queue is empty")
        .isTrue();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void aWorkerKilledInTheMiddleOfAJobLosesItToAnotherThatCompletesItOnce() throws Exception {
    enqueue(1);
    Process killed = worker("killed", 60_000);
    await("killed", "running");
    kill(killed);
    Process survivor = worker("survivor", 0);
    awaitExit(survivor);

    assertThat(text("SELECT string_agg(owner, ',') FROM test_done")).isEqualTo("survivor");
    assertThat(text("SELECT state || '/' || attempt FROM queue.job")).isEqualTo("succeeded/2");
  }

  @Test
  void aThousandJobsOverFourWorkerProcessesAreEachCompletedExactlyOnce() throws Exception {
    enqueue(1000);
    List<Process> workers = new ArrayList<>();
    // worker-0 holds each job 200 ms, so that it is killed in the middle of one
    for (int w = 0; w < 4; w++) {
      workers.add(worker("worker-" + w, w == 0 ? 200 : 5));
    }
    await("worker-0", "started");
    Thread.sleep(300);
    kill(workers.get(0));
    for (Process p : workers.subList(1, 4)) {
      awaitExit(p);
    }

    assertThat(text("SELECT count(*) FROM test_done")).isEqualTo("1000");
    assertThat(text("SELECT count(DISTINCT job_id) FROM test_done")).isEqualTo("1000");
    assertThat(text("SELECT count(*) FROM queue.job WHERE state = 'succeeded'")).isEqualTo("1000");
    // the job worker-0 held when it was killed went to another worker, on a later attempt
    if (Files.exists(dir.resolve("worker-0.running"))) {
      String held = Files.readString(dir.resolve("worker-0.running"));
      assertThat(text("SELECT attempt > 1 FROM queue.job WHERE id = " + Long.parseLong(held)))
          .isEqualTo("t");
      assertThat(text("SELECT owner FROM test_done WHERE job_id = " + Long.parseLong(held)))
          .isNotEqualTo("worker-0");
    }
    // the surviving workers shared the work
    assertThat(text("SELECT count(DISTINCT owner) FROM test_done WHERE owner <> 'worker-0'"))
        .isEqualTo("3");
  }

  /** The single value of a query, as text. */
  private String text(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
