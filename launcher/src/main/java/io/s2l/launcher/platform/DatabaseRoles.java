package io.s2l.launcher.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * One database role per kind of process ({@code db/roles.sql}): the experiment service, the
 * analysis service and the trainer workers each connect as their own role, with exactly the schemas
 * they use; the workers, which parse user data, cannot read or write API keys. The launcher
 * provisions its embedded database at every start and gives each role a new random password.
 */
final class DatabaseRoles {

  /** The login role of each module the launcher starts. */
  static final Map<String, String> ROLES =
      Map.of(
          "experiment-service", "s2l_experiment",
          "analysis-service", "s2l_analysis",
          "trainer-worker", "s2l_worker");

  private static final SecureRandom RANDOM = new SecureRandom();

  private DatabaseRoles() {}

  /**
   * Creates or updates the roles on the database that {@code admin} reaches (as a superuser), and
   * returns the coordinates each module connects with.
   */
  static Map<String, Database> provision(Database admin) {
    Map<String, Database> byModule = new HashMap<>();
    try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
        Statement s = c.createStatement()) {
      s.execute(script());
      for (Map.Entry<String, String> e : ROLES.entrySet()) {
        String password = password();
        // the role name is one of ours and the password hex: nothing here comes from outside
        s.execute("ALTER ROLE " + e.getValue() + " PASSWORD '" + password + "'");
        byModule.put(e.getKey(), new Database(admin.url(), e.getValue(), password));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the database roles on " + admin.url() + ": " + e.getMessage(), e);
    }
    return byModule;
  }

  private static String script() {
    try (InputStream in = DatabaseRoles.class.getResourceAsStream("/db/roles.sql")) {
      if (in == null) {
        throw new IllegalStateException("db/roles.sql is missing from the launcher");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String password() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
