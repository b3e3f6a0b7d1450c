package io.s2l.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher killed with SIGKILL leaves its embedded PostgreSQL running on the data directory; the
 * next start stops that server, says so, and starts on the same data. While the launcher still
 * runs, a second start is refused and its database left alone.
 */
class StaleServerIT {

  @TempDir Path dir;

  @Test
  void theNextStartStopsTheServerAnEarlierKilledRunLeftBehind() throws Exception {
    Path data = dir.resolve("pgdata");
    Process earlier =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedDatabaseHolder.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(earlier.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        // start-up output
      }
      assertThat(line).as("the earlier run started its database").isEqualTo("ready");
      ProcessHandle server = StaleServer.running(data).orElseThrow();

      // while the earlier run is alive, a second start names it and leaves its database alone
      assertThatThrownBy(() -> EmbeddedDatabase.start(data, s -> {}))
          .hasMessageContaining("another s2l (pid " + earlier.pid() + ")");
      assertThat(server.isAlive()).isTrue();

      earlier.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      ProcessHandle orphan = StaleServer.running(data).orElseThrow();
      assertThat(orphan.isAlive()).as("SIGKILL leaves the server running").isTrue();

      List<String> status = new ArrayList<>();
      try (EmbeddedDatabase next = EmbeddedDatabase.start(data, status::add)) {
        assertThat(status)
            .anySatisfy(s -> assertThat(s).contains("pid " + orphan.pid()).contains("earlier run"));
        assertThat(orphan.isAlive()).isFalse();
        Database db = next.coordinates();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
          assertThat(c.isValid(5)).isTrue();
        }
      }
    } finally {
      earlier.destroyForcibly();
    }
  }
}
