package io.s2l.analysis.analysis;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores an analysis result as the study's next version and completes its job, in one transaction;
 * earlier versions are kept.
 */
@Component
class AnalysisStore {

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final JobQueue queue;
  private final Clock clock;

  AnalysisStore(
      DataSource dataSource, TransactionTemplate transactions, JobQueue queue, Clock clock) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.queue = queue;
    this.clock = clock;
  }

  /** Returns the version stored. */
  int storeAndComplete(UUID studyId, String specJson, String resultJson, ClaimedJob job) {
    return transactions.execute(
        status -> {
          Connection c = DataSourceUtils.getConnection(dataSource);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO analysis.analysis_result (study_id, version, spec, result, computed_at)"
                      + " SELECT ?, coalesce(max(version), 0) + 1, ?::json, ?::json, ?"
                      + " FROM analysis.analysis_result WHERE study_id = ? RETURNING version")) {
            ps.setObject(1, studyId);
            ps.setString(2, specJson);
            ps.setString(3, resultJson);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setObject(5, studyId);
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
            throw new IllegalStateException("cannot store the analysis of " + studyId, e);
          } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
          }
        });
  }
}
