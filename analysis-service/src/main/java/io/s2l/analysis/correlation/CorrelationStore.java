package io.s2l.analysis.correlation;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.study.ScaleCorrelationRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores a study's scale correlation and completes its analysis job in one transaction. */
@Component
class CorrelationStore {

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final JobQueue queue;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CorrelationStore(
      DataSource dataSource,
      TransactionTemplate transactions,
      JobQueue queue,
      JdbcTemplate jdbc,
      Clock clock) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.queue = queue;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void replaceAndComplete(
      UUID studyId, List<String> distributions, List<ScaleCorrelationRow> rows, ClaimedJob job) {
    transactions.executeWithoutResult(
        status -> {
          Connection c = DataSourceUtils.getConnection(dataSource);
          try {
            jdbc.update("DELETE FROM analysis.scale_correlation WHERE study_id = ?", studyId);
            insert(c, studyId, distributions, rows);
            if (!queue.complete(c, job)) {
              throw new LeaseLostException(job);
            }
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store scale correlation of " + studyId, e);
          } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
          }
        });
  }

  private void insert(
      Connection c, UUID studyId, List<String> distributions, List<ScaleCorrelationRow> rows)
      throws SQLException {
    Timestamp now = Timestamp.from(clock.instant());
    Array names = c.createArrayOf("text", distributions.toArray());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analysis.scale_correlation (study_id, proxy_scale, eval_set,"
                + " reference_scale, distributions, pearson_r, r2, slope, intercept, spearman,"
                + " kendall, decision_accuracy, proxy_params, reference_params, proxy_flops,"
                + " reference_flops, compute_ratio, proxy_losses, reference_losses, computed_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (ScaleCorrelationRow row : rows) {
        ScaleCorrelation s = row.statistics();
        ps.setObject(1, studyId);
        ps.setString(2, row.proxyScale());
        ps.setString(3, row.evalSet());
        ps.setString(4, row.referenceScale());
        ps.setArray(5, names);
        nullable(ps, 6, s.pearsonR());
        nullable(ps, 7, s.r2());
        nullable(ps, 8, s.slope());
        nullable(ps, 9, s.intercept());
        nullable(ps, 10, s.spearman());
        nullable(ps, 11, s.kendall());
        nullable(ps, 12, s.decisionAccuracy());
        ps.setLong(13, row.proxyParams());
        ps.setLong(14, row.referenceParams());
        ps.setDouble(15, row.proxyFlops());
        ps.setDouble(16, row.referenceFlops());
        ps.setDouble(17, row.computeRatio());
        ps.setArray(18, c.createArrayOf("float8", boxed(row.proxyLosses())));
        ps.setArray(19, c.createArrayOf("float8", boxed(row.referenceLosses())));
        ps.setTimestamp(20, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** NaN (undefined, such as a correlation with a constant side) is stored as NULL. */
  private static void nullable(PreparedStatement ps, int index, double value) throws SQLException {
    if (Double.isNaN(value)) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }

  private static Double[] boxed(double[] values) {
    return Arrays.stream(values).boxed().toArray(Double[]::new);
  }
}
