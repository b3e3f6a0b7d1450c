package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.testsupport.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./s2l up} as a real process tree: the launcher JVM, both services and a worker. Stopped
 * with SIGTERM (as Ctrl-C stops it), it ends with all of them within 10 s; killed with SIGKILL,
 * which runs no shutdown code, its services and worker notice and stop by themselves.
 */
class LauncherLifecycleIT {

  private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  @Test
  void sigtermStopsEverythingWithinTenSeconds() throws Exception {
    Process launcher = up();
    List<ProcessHandle> children = launcher.children().toList();
    assertThat(children).hasSize(3);

    launcher.destroy(); // SIGTERM
    // the promise is 10 s; the launcher JVM's own exit and a busy machine get 2 s more
    assertThat(launcher.waitFor(12, TimeUnit.SECONDS)).isTrue();
    awaitGone(children, Duration.ofSeconds(3));
  }

  @Test
  void sigkillOfTheLauncherLeavesNoOrphan() throws Exception {
    Process launcher = up();
    List<ProcessHandle> children = launcher.children().toList();
    assertThat(children).hasSize(3);

    launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
    assertThat(children).allMatch(ProcessHandle::isAlive);
    awaitGone(children, Duration.ofSeconds(20));
  }

  private static void awaitGone(List<ProcessHandle> processes, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (processes.stream().anyMatch(ProcessHandle::isAlive)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    for (ProcessHandle p : processes) {
      if (p.isAlive()) {
        p.destroyForcibly();
        throw new AssertionError("process " + p.pid() + " outlived its launcher by " + within);
      }
    }
  }

  /** {@code ./s2l up --workers 1} on a fresh database and free ports, once it says it is up. */
  private static Process up() throws IOException {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "-Ds2l.home=" + HOME,
                "io.s2l.launcher.cli.S2l",
                "up",
                "--workers",
                "1",
                "--port",
                "" + freePort(),
                "--analysis-port",
                "" + freePort())
            .redirectErrorStream(true);
    builder.environment().put("S2L_DB_URL", db.url());
    builder.environment().put("S2L_DB_USER", db.user());
    builder.environment().put("S2L_DB_PASSWORD", db.password());
    Process launcher = builder.start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("s2l is up")) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // keep the pipe from filling
                    }
                  } catch (IOException ignored) {
                    // the launcher is gone
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return launcher;
      }
    }
    throw new AssertionError("the launcher ended before it was up:\n" + seen);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
