package io.s2l.launcher.cli;

import io.s2l.launcher.platform.Database;
import io.s2l.launcher.platform.PlatformSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the platform. */
final class PlatformOptions {

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "trainer-worker processes (default: ${DEFAULT-VALUE}; one per core is right)")
  int workers;

  /** The checkout: set by the ./s2l script, else the working directory. */
  static Path home() {
    return Path.of(System.getProperty("s2l.home", ".")).toAbsolutePath().normalize();
  }

  /** {@code S2L_DB_URL} (with {@code S2L_DB_USER}, {@code S2L_DB_PASSWORD}) or null: embedded. */
  static Database externalDatabase() {
    String url = System.getenv("S2L_DB_URL");
    if (url == null || url.isBlank()) {
      return null;
    }
    return new Database(url, envOr("S2L_DB_USER", "s2l"), envOr("S2L_DB_PASSWORD", "s2l"));
  }

  PlatformSettings settings(Path dataDirectory, int experimentPort, int analysisPort, Path logs) {
    return new PlatformSettings(
        home(),
        externalDatabase(),
        dataDirectory,
        true,
        workers,
        experimentPort,
        analysisPort,
        logs);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
