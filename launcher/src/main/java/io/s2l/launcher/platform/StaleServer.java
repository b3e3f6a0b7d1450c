package io.s2l.launcher.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A PostgreSQL server still running on a data directory from an earlier run. Its postmaster keeps
 * its pid on the first line of {@code postmaster.pid}; when that process is alive and is a
 * postgres, it is asked to stop (SIGTERM: no new sessions, and it exits when the sessions end,
 * which those of the earlier run's services do as they stop with their launcher), then forced
 * (SIGKILL: the next start recovers from the write-ahead log, as after a power cut).
 */
final class StaleServer {

  private static final Duration POLITE = Duration.ofSeconds(10);
  private static final Duration FORCED = Duration.ofSeconds(10);

  private StaleServer() {}

  /**
   * Stops the server on {@code dataDirectory} if one runs; says so through {@code status}.
   *
   * @throws IOException if it does not stop, naming its pid and how to stop it by hand
   */
  static void stopIfRunning(Path dataDirectory, Consumer<String> status) throws IOException {
    Optional<ProcessHandle> server = running(dataDirectory);
    if (server.isEmpty()) {
      return;
    }
    long pid = server.get().pid();
    status.accept(
        "a PostgreSQL server (pid "
            + pid
            + ") left by an earlier run still uses "
            + dataDirectory
            + ": stopping it");
    server.get().destroy();
    if (!exited(server.get(), POLITE)) {
      status.accept("PostgreSQL (pid " + pid + ") did not stop within " + POLITE + ": killing it");
      server.get().destroyForcibly();
      if (!exited(server.get(), FORCED)) {
        throw new IOException(
            "PostgreSQL (pid "
                + pid
                + ") still runs on "
                + dataDirectory
                + "; stop it with 'kill -9 "
                + pid
                + "' and start again");
      }
    }
  }

  /** The live postgres process named by the data directory's {@code postmaster.pid}, if any. */
  static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }

  private static boolean exited(ProcessHandle process, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      }
    }
    return !process.isAlive();
  }
}
