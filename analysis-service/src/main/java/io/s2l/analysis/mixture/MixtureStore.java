package io.s2l.analysis.mixture;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import io.s2l.queue.NewJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores mixture recommendations as versions (with the reference jobs that verify them, in the
 * transaction that completes the recommendation job) and their verification.
 */
@Component
class MixtureStore {

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final JobQueue queue;
  private final Clock clock;

  MixtureStore(
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

  /** A version: its recommendation, and its verification once measured (else null). */
  record Stored(int version, String recommendation, String verification) {}

  int recommendAndComplete(UUID study, String recommendation, List<NewJob> jobs, ClaimedJob job) {
    return transactions.execute(
        status -> {
          Connection c = DataSourceUtils.getConnection(dataSource);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO analysis.mixture_result (study_id, version, recommendation,"
                      + " computed_at) SELECT ?, coalesce(max(version), 0) + 1, ?::json, ?"
                      + " FROM analysis.mixture_result WHERE study_id = ? RETURNING version")) {
            ps.setObject(1, study);
            ps.setString(2, recommendation);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setObject(4, study);
            int version;
            try (var rs = ps.executeQuery()) {
              rs.next();
              version = rs.getInt(1);
            }
            queue.enqueueAbsent(c, jobs);
            complete(c, job);
            return version;
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store the recommendation of " + study, e);
          } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
          }
        });
  }

  void verifyAndComplete(UUID study, int version, String verification, ClaimedJob job) {
    transactions.executeWithoutResult(
        status -> {
          Connection c = DataSourceUtils.getConnection(dataSource);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE analysis.mixture_result SET verification = ?::json, verified_at = ?"
                      + " WHERE study_id = ? AND version = ?")) {
            ps.setString(1, verification);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setObject(3, study);
            ps.setInt(4, version);
            if (ps.executeUpdate() != 1) {
              throw new IllegalStateException(
                  "no recommendation version " + version + " of " + study);
            }
            complete(c, job);
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store the verification of " + study, e);
          } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
          }
        });
  }

  Optional<Stored> latest(UUID study) {
    return jdbc
        .query(
            "SELECT version, recommendation::text, verification::text FROM"
                + " analysis.mixture_result WHERE study_id = ? ORDER BY version DESC LIMIT 1",
            (rs, i) -> new Stored(rs.getInt(1), rs.getString(2), rs.getString(3)),
            study)
        .stream()
        .findFirst();
  }

  private void complete(Connection c, ClaimedJob job) throws SQLException {
    if (!queue.complete(c, job)) {
      throw new LeaseLostException(job);
    }
  }
}
