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

  private record Run(long seed, Object[] losses, Object[] correct) {}

  /**
   * @param evalSet the target task's evaluation set
   * @param holdout indices of the holdout targets in that set
   */
  HoldoutLosses load(UUID study, String scale, String distribution, String evalSet, int[] holdout) {
    List<Run> runs =
        jdbc.query(
            "SELECT seed, losses, correct FROM training.run_example_losses WHERE study_id = ?"
                + " AND scale = ? AND distribution = ? AND eval_set = ? ORDER BY seed",
            (rs, i) -> new Run(rs.getLong(1), values(rs.getArray(2)), values(rs.getArray(3))),
            study,
            scale,
            distribution,
            evalSet);
    if (runs.isEmpty()) {
      throw new IllegalStateException(
          "study "
              + study
              + " has no reference model trained on '"
              + distribution
              + "' and evaluated on "
              + evalSet);
    }
    boolean accuracy = runs.stream().allMatch(r -> r.correct() != null);
    long[] seeds = new long[runs.size()];
    double[][] losses = new double[runs.size()][holdout.length];
    double[][] correct = accuracy ? new double[runs.size()][holdout.length] : null;
    for (int s = 0; s < seeds.length; s++) {
      Run run = runs.get(s);
      seeds[s] = run.seed();
      for (int i = 0; i < holdout.length; i++) {
        losses[s][i] = ((Number) run.losses()[holdout[i]]).doubleValue();
        if (accuracy) {
          correct[s][i] = Boolean.TRUE.equals(run.correct()[holdout[i]]) ? 1.0 : 0.0;
        }
      }
    }
    return new HoldoutLosses(seeds, losses, correct);
  }

  private static Object[] values(Array array) throws SQLException {
    return array == null ? null : (Object[]) array.getArray();
  }
}
