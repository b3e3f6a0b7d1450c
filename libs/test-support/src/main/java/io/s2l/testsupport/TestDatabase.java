package io.s2l.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A real PostgreSQL for integration tests. When {@code S2L_TEST_DB_URL} is set (with optional
 * {@code S2L_TEST_DB_USER} and {@code S2L_TEST_DB_PASSWORD}) tests use that server; otherwise an
 * embedded PostgreSQL 17 is started once per JVM. Every call of {@link #freshDatabase()} creates a
 * new empty database on it, so tests never see each other's rows.
 */
public final class TestDatabase {

  private static EmbeddedPostgres embedded;

  private TestDatabase() {}

  /** Connection settings of a newly created, empty database. */
  public static synchronized Coordinates freshDatabase() {
    Coordinates admin = server();
    String name = "s2l_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + admin.url(), e);
    }
    String url = admin.url().substring(0, admin.url().lastIndexOf('/') + 1) + name;
    return new Coordinates(url, admin.user(), admin.password());
  }

  private static Coordinates server() {
    String url = System.getenv("S2L_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return new Coordinates(
          url, envOr("S2L_TEST_DB_USER", "postgres"), envOr("S2L_TEST_DB_PASSWORD", ""));
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
    }
    return new Coordinates(
        "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", "postgres");
  }

  private static void stop() {
    try {
      embedded.close();
    } catch (IOException e) {
      System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** JDBC URL and credentials of one database. */
  public record Coordinates(String url, String user, String password) {

    /**
     * Hands the Spring datasource properties to a registry, for example {@code
     * freshDatabase().register(registry::add)} in a {@code @DynamicPropertySource} method.
     */
    public void register(BiConsumer<String, Supplier<Object>> registry) {
      registry.accept("spring.datasource.url", this::url);
      registry.accept("spring.datasource.username", this::user);
      registry.accept("spring.datasource.password", this::password);
    }
  }
}
