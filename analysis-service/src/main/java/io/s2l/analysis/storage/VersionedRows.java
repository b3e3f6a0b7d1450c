package io.s2l.analysis.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Results kept as versions: every run of an analysis adds the study's next version, the latest is
 * served unless another is asked for. Tables have {@code (study_id, version)} as primary key, JSON
 * columns and {@code computed_at}; two concurrent writers of one study conflict on the key, and the
 * loser's job is retried.
 */
public final class VersionedRows {

  private VersionedRows() {}

  /**
   * Inserts the study's next version and returns it.
   *
   * @param table the table in schema {@code analysis} (a constant of the caller's, never input)
   * @param columns JSON columns, in the order of {@code values}
   */
  public static int insertNext(
      Connection c, String table, UUID study, Instant at, String[] columns, String... values)
      throws SQLException {
    if (columns.length != values.length) {
      throw new IllegalArgumentException("one value per column");
    }
    String names = String.join(", ", columns);
    String params = "?::json, ".repeat(columns.length);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analysis."
                + table
                + " (study_id, version, "
                + names
                + ", computed_at) SELECT ?, coalesce(max(version), 0) + 1, "
                + params
                + "? FROM analysis."
                + table
                + " WHERE study_id = ? RETURNING version")) {
      int p = 1;
      ps.setObject(p++, study);
      for (String v : values) {
        ps.setString(p++, v);
      }
      ps.setTimestamp(p++, Timestamp.from(at));
      ps.setObject(p, study);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
