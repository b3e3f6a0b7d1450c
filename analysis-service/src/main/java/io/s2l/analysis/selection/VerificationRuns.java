package io.s2l.analysis.selection;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the per-example results of the reference models trained on a selection. */
@Component
class VerificationRuns {

  private final JdbcTemplate jdbc;

  VerificationRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param holdout test-set indices of the holdout targets
   */
  HoldoutLosses load(UUID study, String scale, String distribution, int[] holdout) {
    double[] losses = new double[holdout.length];
    double[] accuracy = new double[holdout.length];
    List<Object[]> runs =
        jdbc.query(
            "SELECT losses, correct FROM training.run_example_losses WHERE study_id = ?"
                + " AND scale = ? AND distribution = ? AND correct IS NOT NULL ORDER BY seed",
            (rs, i) -> new Object[] {values(rs.getArray(1)), values(rs.getArray(2))},
            study,
            scale,
            distribution);
    if (runs.isEmpty()) {
      throw new IllegalStateException(
          "study " + study + " has no reference model trained on '" + distribution + "'");
    }
    for (Object[] run : runs) {
      Object[] l = (Object[]) run[0];
      Object[] c = (Object[]) run[1];
      for (int i = 0; i < holdout.length; i++) {
        losses[i] += ((Number) l[holdout[i]]).doubleValue() / runs.size();
        accuracy[i] += (Boolean.TRUE.equals(c[holdout[i]]) ? 1.0 : 0.0) / runs.size();
      }
    }
    return new HoldoutLosses(losses, accuracy, runs.size());
  }

  private static Object[] values(Array array) throws SQLException {
    return (Object[]) array.getArray();
  }
}
