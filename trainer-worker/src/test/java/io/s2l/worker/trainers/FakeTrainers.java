package io.s2l.worker.trainers;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake trainers of {@code src/test/resources/fake-trainers} and ways to watch their processes.
 */
final class FakeTrainers {

  private FakeTrainers() {}

  static Path path(String name) {
    try {
      return Path.of(FakeTrainers.class.getResource("/fake-trainers/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code fake_trainer.py} with {@code args} (the spec's path is appended when it runs). */
  static List<String> python(String... args) {
    List<String> command =
        new ArrayList<>(List.of("/usr/bin/python3", path("fake_trainer.py").toString()));
    command.addAll(List.of(args));
    return command;
  }

  static List<String> sh(String script, String... args) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", path(script).toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Waits for a file a fake writes (its pid, say) and returns its content as a pid. */
  static long awaitPid(Path file) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until) {
      try {
        if (Files.isRegularFile(file)) {
          return Long.parseLong(Files.readString(file).trim());
        }
      } catch (java.io.IOException | NumberFormatException e) {
        // being written: try again
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + file + " within 20 s");
  }

  /** Whether a process runs (a zombie, dead but not yet reaped, does not). */
  static boolean alive(long pid) {
    return ProcStat.of(pid).map(ProcStat::alive).orElse(false);
  }

  /** Waits up to {@code timeout} for {@code pid} to end; whether it did. */
  static boolean ends(long pid, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (alive(pid) && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return !alive(pid);
  }
}
