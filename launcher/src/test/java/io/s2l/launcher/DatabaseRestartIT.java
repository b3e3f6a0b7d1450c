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
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops and starts again in the middle of a study (the same data, the same port): the
 * services and workers reconnect on their own, the study completes, and every training job ran to
 * completion exactly once.
 */
class DatabaseRestartIT {

  private static final Duration OUTAGE = Duration.ofSeconds(5);

  @Test
  void aStudyCompletesExactlyOnceAcrossADatabaseRestart() throws Exception {
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

      // Stop the database while the study is under way: some models trained, others not yet.
      StudyView before = await(client, id, p -> p.progress().jobsDone() >= 3);
      assertThat(before.progress().jobsDone()).isLessThan(total);
      postgres.close();
      Thread.sleep(OUTAGE.toMillis());
      assertThat(platform.exitedProcesses()).isEmpty();
      postgres = start(data, port);

      StudyView done = await(client, id, p -> p.status().equals("COMPLETED"));
      assertThat(done.progress().jobsDone()).isEqualTo(total);
      assertThat(platform.exitedProcesses()).isEmpty();
      assertThat(client.scaleCorrelation(id)).isNotNull();
      try (Connection c = DriverManager.getConnection(database.url(), "postgres", "postgres");
          Statement s = c.createStatement();
          ResultSet runs =
              s.executeQuery(
                  "SELECT count(*), count(DISTINCT (scale, distribution, seed)) FROM training.run"
                      + " WHERE study_id = '"
                      + id
                      + "'")) {
        runs.next();
        assertThat(runs.getInt(1)).as("runs stored").isEqualTo(total);
        assertThat(runs.getInt(2)).as("distinct models").isEqualTo(total);
      }
      try (Connection c = DriverManager.getConnection(database.url(), "postgres", "postgres");
          Statement s = c.createStatement();
          ResultSet jobs =
              s.executeQuery(
                  "SELECT count(*) FILTER (WHERE state = 'succeeded'), count(*) FROM queue.job"
                      + " WHERE study_id = '"
                      + id
                      + "' AND kind = 'train'")) {
        jobs.next();
        assertThat(jobs.getInt(1)).isEqualTo(jobs.getInt(2)).isEqualTo(total);
      }
    } finally {
      postgres.close();
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
