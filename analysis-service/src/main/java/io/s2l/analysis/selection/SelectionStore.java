package io.s2l.analysis.selection;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores selection verifications as versions and reads the latest back. */
@Component
class SelectionStore {

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final JobQueue queue;
  private final Clock clock;

  SelectionStore(
      DataSource dataSource,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      JobQueue queue,
      Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.queue = queue;
    this.clock = clock;
  }

  /** The latest version's document, with its version. */
  record Stored(int version, String document) {}

  int storeAndComplete(UUID study, String resultJson, ClaimedJob job) {
    return transactions.execute(
        status -> {
          Connection c = DataSourceUtils.getConnection(dataSource);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO analysis.selection_result (study_id, version, result, computed_at)"
                      + " SELECT ?, coalesce(max(version), 0) + 1, ?::json, ?"
                      + " FROM analysis.selection_result WHERE study_id = ? RETURNING version")) {
            ps.setObject(1, study);
            ps.setString(2, resultJson);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setObject(4, study);
            int version;
            try (var rs = ps.executeQuery()) {
              rs.next();
              version = rs.getInt(1);
            }
            if (!queue.complete(c, job)) {
              throw new LeaseLostException(job);
            }
            return version;
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store the selection of " + study, e);
          } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
          }
        });
  }

  Optional<Stored> latest(UUID study) {
    return jdbc
        .query(
            "SELECT version, result::text FROM analysis.selection_result WHERE study_id = ?"
                + " ORDER BY version DESC LIMIT 1",
            (rs, i) -> new Stored(rs.getInt(1), rs.getString(2)),
            study)
        .stream()
        .findFirst();
  }
}
