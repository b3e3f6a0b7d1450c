package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.api.study.StudyView;
import io.s2l.client.S2lClient;
import io.s2l.launcher.platform.Database;
import io.s2l.launcher.platform.Platform;
import io.s2l.launcher.platform.PlatformSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Faults of real processes in the middle of a study: a trainer-worker JVM killed with SIGKILL while
 * it trains (its job's lease runs out and the other worker trains the model again), then PostgreSQL
 * stopped and started again on the same data, then PostgreSQL crashed (its postmaster and every
 * backend killed with SIGKILL, so it recovers from its write-ahead log). The services and workers
 * reconnect on their own, the study completes, every model is stored exactly once, and nothing the
 * killed worker started outlives it.
 */
class DatabaseRestartIT {

  private static final Duration OUTAGE = Duration.ofSeconds(5);

  @Test
  void aStudyCompletesExactlyOnceAcrossAKilledWorkerADatabaseRestartAndACrash() throws Exception {
    Path data = Files.createTempDirectory("s2l-restart-pgdata");
    int port = freePort();
    EmbeddedPostgres postgres = start(data, port);
    Database database =
        new Database("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    PlatformSettings settings =
        new PlatformSettings(
            Path.of("..").toAbsolutePath().normalize(),
            database,
            null,
            true,
            2,
            0,
            0,
            Path.of("target", "restart-logs"));
    String definition =
        new String(
            Objects.requireNonNull(getClass().getResourceAsStream("/restart-study.json"))
                .readAllBytes());
    try (Platform platform = Platform.start(settings, s -> {})) {
      S2lClient client =
          new S2lClient(platform.experimentUrl(), platform.analysisUrl(), platform.adminKey());
      UUID id = client.submit(definition).id();
      int total = client.study(id).progress().jobsTotal();

      // Kill a worker in the middle of training: the job it held is trained again, once.
      long killed = trainingWorker(database, id);
      ProcessHandle worker = ProcessHandle.of(killed).orElseThrow();
      assertThat(worker.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
      List<ProcessHandle> itsChildren = worker.descendants().toList();
      worker.destroyForcibly();
      worker.onExit().get(10, TimeUnit.SECONDS);
      assertThat(platform.exitedProcesses()).hasSize(1);

      // Stop the database while the study is under way: some models trained, others not yet.
      StudyView before = await(client, id, p -> p.progress().jobsDone() >= 3);
      assertThat(before.progress().jobsDone()).isLessThan(total);
      postgres.close();
      Thread.sleep(OUTAGE.toMillis());
      postgres = start(data, port);

      // Then crash it: no shutdown checkpoint, recovery from the write-ahead log at the next start.
      await(client, id, p -> p.progress().jobsDone() >= 4);
      crash(data);
      closeCrashed(postgres);
      Thread.sleep(OUTAGE.toMillis());
      postgres = start(data, port);

      StudyView done = await(client, id, p -> p.status().equals("COMPLETED"));
      assertThat(done.progress().jobsDone()).isEqualTo(total);
      assertThat(platform.exitedProcesses()).as("only the killed worker").hasSize(1);
      assertThat(itsChildren).noneMatch(ProcessHandle::isAlive);
      assertThat(client.scaleCorrelation(id)).isNotNull();
      List<Object> runs =
          firstRow(
              database,
              "SELECT count(*), count(DISTINCT (scale, distribution, seed)) FROM training.run"
                  + " WHERE study_id = '"
                  + id
                  + "'");
      assertThat(runs)
          .as("runs stored, distinct models")
          .containsExactly((long) total, (long) total);
      List<Object> jobs =
          firstRow(
              database,
              "SELECT count(*) FILTER (WHERE state = 'succeeded'), count(*),"
                  + " count(*) FILTER (WHERE attempt > 1) FROM queue.job"
                  + " WHERE study_id = '"
                  + id
                  + "' AND kind = 'train'");
      assertThat(jobs.subList(0, 2)).containsExactly((long) total, (long) total);
      assertThat((Long) jobs.get(2)).as("jobs trained again after the kill").isPositive();
      platform.close();
      assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
          .as("processes left behind")
          .isEmpty();
    } finally {
      postgres.close();
    }
  }

  /**
   * The pid of a worker (from its lease owner, name-pid@host) that has been training a model of the
   * study for a second: the models of this study train in a few seconds.
   */
  private static long trainingWorker(Database database, UUID id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    Pattern owner = Pattern.compile("-(\\d+)@[^@]*$");
    while (Instant.now().isBefore(deadline)) {
      List<Object> running =
          firstRow(
              database,
              "SELECT lease_owner FROM queue.job WHERE state = 'running' AND kind = 'train'"
                  + " AND updated_at < now() - interval '1 second' AND study_id = '"
                  + id
                  + "' LIMIT 1");
      if (!running.isEmpty()) {
        Matcher pid = owner.matcher((String) running.get(0));
        assertThat(pid.find()).as("%s", running).isTrue();
        return Long.parseLong(pid.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no training job of study " + id + " started");
  }

  /** The first row {@code sql} returns, column by column; empty when it returns none. */
  private static List<Object> firstRow(Database database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(database.url(), "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      List<Object> row = new ArrayList<>();
      if (rows.next()) {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          row.add(rows.getObject(i));
        }
      }
      return row;
    }
  }

  /** Kills PostgreSQL as a power cut would: the postmaster and all its processes, by SIGKILL. */
  private static void crash(Path data) throws Exception {
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(0, postmaster);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : all) {
      p.onExit().get(10, TimeUnit.SECONDS);
    }
  }

  /** Releases what the crashed instance still holds here; its stop finds nothing to stop. */
  private static void closeCrashed(EmbeddedPostgres crashed) {
    try {
      crashed.close();
    } catch (IOException | RuntimeException e) {
      // pg_ctl stop fails on a server that is gone; the data directory is what matters
    }
  }

  private interface Condition {
    boolean holds(StudyView study);
  }

  /** Polls the study (riding out refused requests while the database is away) until it holds. */
  private static StudyView await(S2lClient client, UUID id, Condition condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
    RuntimeException last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        StudyView study = client.study(id);
        assertThat(study.status()).isNotIn("FAILED", "CANCELLED");
        if (condition.holds(study)) {
          return study;
        }
      } catch (IllegalStateException e) {
        last = e; // the service answers 5xx while it cannot reach the database
      }
      Thread.sleep(200);
    }
    throw new AssertionError("study " + id + " did not get there in time", last);
  }

  private static EmbeddedPostgres start(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
