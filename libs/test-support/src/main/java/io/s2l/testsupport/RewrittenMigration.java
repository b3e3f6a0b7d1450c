package io.s2l.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * An applied migration whose text was later changed in a comment only, which its module's {@code
 * beforeValidate} callback realigns. {@link #databaseMigratedBeforeTheChange} makes the database of
 * a user upgrading across the change: the same schema, the former checksum in the history.
 *
 * @param schema the owning schema, where Flyway keeps its history
 * @param location the module's migrations on the classpath, such as {@code db/training}
 * @param version the rewritten migration's version
 * @param formerChecksum the checksum Flyway recorded for the former text (as Flyway 11 computes it:
 *     CRC-32 over the script's lines)
 */
public record RewrittenMigration(
    String schema, String location, String version, int formerChecksum) {

  /** The module's migrations as its service runs them, callbacks included. */
  public Flyway current(TestDatabase.Coordinates db) {
    return configure(db).load();
  }

  /** The same migrations without the callbacks: what fails on such a database. */
  public Flyway withoutCallbacks(TestDatabase.Coordinates db) {
    return configure(db).skipDefaultCallbacks(true).load();
  }

  /**
   * Migrates {@code db} up to the rewritten migration and records the former checksum for it, as a
   * database migrated before the change has it.
   */
  public void databaseMigratedBeforeTheChange(TestDatabase.Coordinates db) throws SQLException {
    configure(db).target(version).skipDefaultCallbacks(true).load().migrate();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE " + schema + ".flyway_schema_history SET checksum = ? WHERE version = ?")) {
      ps.setInt(1, formerChecksum);
      ps.setString(2, version);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("no applied migration " + version + " in " + schema);
      }
    }
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration configure(
      TestDatabase.Coordinates db) {
    return Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .schemas(schema)
        .locations("classpath:" + location);
  }
}
