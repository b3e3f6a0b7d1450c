package io.s2l.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service or worker running as its own JVM, its output going to a log file. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ServiceProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ServiceProcess start(
      String name, Path jar, List<String> jvmOptions, Map<String, String> env, int port, Path log) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    try {
      return new ServiceProcess(name, builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " from " + jar, e);
    }
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** Waits until the service reports readiness; fails early if its process exits. */
  void awaitReady(Duration timeout) {
    URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with status " + process.exitValue() + " during start-up; see " + log);
      }
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(readiness).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the process to stop: SIGTERM, a graceful shutdown in Spring Boot. */
  void requestStop() {
    process.destroy();
  }

  /** Asks the process to stop, then forces it if it has not exited after 10 s. */
  @Override
  public void close() {
    process.destroy();
    stopBy(Instant.now().plusSeconds(10));
  }

  /**
   * Waits for a process already asked to stop until {@code deadline}, then forces it (SIGKILL) and
   * waits for that.
   */
  void stopBy(Instant deadline) {
    try {
      long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      if (!process.waitFor(left, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
