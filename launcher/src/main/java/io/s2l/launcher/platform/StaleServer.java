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
 * A PostgreSQL server still running on a data directory from an earlier run whose launcher is gone
 * (a launcher that is still running is named and left alone, see {@link #claim}). Its postmaster
 * keeps its pid on the first line of {@code postmaster.pid}; when that process is alive and is a
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
    Optional<ProcessHandle> owner = liveOwner(dataDirectory);
    if (owner.isPresent()) {
      throw new IOException(
          "another s2l (pid "
              + owner.get().pid()
              + ") is running on "
              + dataDirectory
              + "; stop it first (Ctrl-C in its terminal, or 'kill "
              + owner.get().pid()
              + "')");
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

  /**
   * Records this process as the one whose server runs on {@code dataDirectory} (its pid and start
   * time, in {@code <dataDirectory>.owner} beside it), so that a second start while it runs is
   * refused rather than stopping its database.
   */
  static void claim(Path dataDirectory) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    Files.writeString(
        ownerFile(dataDirectory),
        self.pid() + " " + self.info().startInstant().map(Instant::toString).orElse("-"));
  }

  /** Forgets the claim of {@link #claim}, when the server has stopped. */
  static void release(Path dataDirectory) throws IOException {
    Files.deleteIfExists(ownerFile(dataDirectory));
  }

  /** The process that claimed the data directory, if it is still running and is not this one. */
  private static Optional<ProcessHandle> liveOwner(Path dataDirectory) throws IOException {
    Path file = ownerFile(dataDirectory);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String[] owner = Files.readString(file).trim().split(" ");
    long pid;
    try {
      pid = Long.parseLong(owner[0]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String started = owner.length > 1 ? owner[1] : "-";
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().startInstant().map(Instant::toString).orElse("-").equals(started));
  }

  private static Path ownerFile(Path dataDirectory) {
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
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
