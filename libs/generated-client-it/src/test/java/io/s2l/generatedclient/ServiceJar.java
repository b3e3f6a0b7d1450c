package io.s2l.generatedclient;

import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service's packaged jar running as its own JVM on a free port, as it runs in production: the
 * generated client talks to the real thing over HTTP, and the services' Spring contexts (each with
 * its own migrations and properties) do not share this test's classpath.
 */
final class ServiceJar implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String module;
  private final Process process;
  private final int port;
  private final Path log;

  private ServiceJar(String module, Process process, int port, Path log) {
    this.module = module;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code ../../<module>/target/<module>.jar} on the given database with the tests' admin
   * key and waits until it is ready.
   *
   * @param portVariable the environment variable the service reads its port from
   */
  static ServiceJar start(String module, String portVariable, TestDatabase.Coordinates db)
      throws IOException {
    Path jar = Path.of("../..", module, "target", module + ".jar").toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: package " + module + " first");
    }
    int port = freePort();
    Path log = Path.of("target", module + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                // results are analysed within a test's patience, not a production poll
                "--s2l.queue.idle-poll=200ms"));
    builder.environment().put(portVariable, Integer.toString(port));
    builder.environment().put("S2L_DB_URL", db.url());
    builder.environment().put("S2L_DB_USER", db.user());
    builder.environment().put("S2L_DB_PASSWORD", db.password());
    builder.environment().put("S2L_ADMIN_KEY", TestKeys.ADMIN);
    // callbacks to a receiver of the test on loopback, over http: both services check the rules
    builder.environment().put("S2L_CALLBACK_ALLOWED_HOSTS", "127.0.0.1");
    builder.environment().put("S2L_CALLBACK_ALLOWED_NETWORKS", "127.0.0.1/32");
    builder.environment().put("S2L_EXPERIMENT_CALLBACKS_ALLOWHTTP", "true");
    builder.environment().put("S2L_ANALYSIS_CALLBACKS_ALLOWHTTP", "true");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    ServiceJar service = new ServiceJar(module, builder.start(), port, log);
    try {
      service.awaitReady();
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  String url() {
    return "http://localhost:" + port;
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(module + " exited during start-up; see " + log);
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the port opens late in start-up
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + module, e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + module, e);
      }
    }
    throw new IllegalStateException(module + " was not ready within " + START_TIMEOUT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
