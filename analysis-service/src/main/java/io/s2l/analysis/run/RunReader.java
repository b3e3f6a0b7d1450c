package io.s2l.analysis.run;

import io.s2l.stats.study.RunLoss;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what the trainer workers stored (schema {@code training}, owned by trainer-worker; read
 * here, never written).
 */
@Component
public class RunReader {

  private final JdbcTemplate jdbc;

  RunReader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Mean loss of every run of a study on every evaluation set. */
  public List<RunLoss> meanLosses(UUID studyId) {
    return jdbc.query(
        "SELECT r.scale, r.distribution, r.seed, e.eval_set, e.mean_loss, r.params_non_embedding,"
            + " r.flops FROM training.run r JOIN training.run_eval e ON e.run_id = r.id"
            + " WHERE r.study_id = ?",
        (rs, i) ->
            new RunLoss(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getDouble(5),
                rs.getLong(6),
                rs.getDouble(7)),
        studyId);
  }

  /** Every run of a study with its compute accounting, by scale then distribution then seed. */
  public List<RunView> runs(UUID studyId) {
    return jdbc.query(
        "SELECT r.scale, r.distribution, r.seed, r.params_non_embedding, r.params_total, r.tokens,"
            + " r.flops, r.steps, r.wall_seconds, r.tokens_per_second, r.eval_seconds,"
            + " r.final_train_loss, r.peak_rss_bytes, r.worker, r.attempt FROM training.run r"
            + " WHERE r.study_id = ? ORDER BY r.params_non_embedding, r.distribution, r.seed",
        (rs, i) ->
            new RunView(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getDouble(7),
                rs.getLong(8),
                rs.getDouble(9),
                rs.getDouble(10),
                rs.getDouble(11),
                rs.getDouble(12),
                rs.getLong(13),
                rs.getString(14),
                rs.getInt(15)),
        studyId);
  }
}
