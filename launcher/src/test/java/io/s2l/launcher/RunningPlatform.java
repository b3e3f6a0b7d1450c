package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.client.S2lClient;
import io.s2l.launcher.demo.DemoResult;
import io.s2l.launcher.demo.DemoRun;
import io.s2l.launcher.demo.ProgressBar;
import io.s2l.launcher.platform.Database;
import io.s2l.launcher.platform.Platform;
import io.s2l.launcher.platform.PlatformSettings;
import io.s2l.testsupport.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The whole platform for a test: a fresh database, the services and two workers as separate
 * processes, stopped on {@link #close}. Studies run on it as the demo runs them.
 */
final class RunningPlatform implements AutoCloseable {

  private final Platform platform;
  private final S2lClient client;

  /** Starts the platform; its logs go to {@code target/<logs>}. */
  RunningPlatform(String logs) {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    PlatformSettings settings =
        new PlatformSettings(
            Path.of("..").toAbsolutePath().normalize(),
            new Database(db.url(), db.user(), db.password()),
            null,
            true,
            2,
            0,
            0,
            Path.of("target", logs));
    platform = Platform.start(settings, s -> {});
    client = new S2lClient(platform.experimentUrl(), platform.analysisUrl(), platform.adminKey());
  }

  Platform platform() {
    return platform;
  }

  S2lClient client() {
    return client;
  }

  /** Runs a study definition to completion, its progress lines written to {@code progress}. */
  DemoResult run(String definition, OutputStream progress) {
    return new DemoRun(client, Clock.systemUTC())
        .run(
            definition,
            new ProgressBar(new PrintStream(progress), false),
            () -> assertThat(platform.exitedProcesses()).isEmpty(),
            Duration.ofMinutes(10));
  }

  /** A study definition from the test resources. */
  static String resource(String name) throws IOException {
    return new String(
        Objects.requireNonNull(RunningPlatform.class.getResourceAsStream(name), name)
            .readAllBytes());
  }

  @Override
  public void close() {
    platform.close();
  }
}
