package io.s2l.analysis.run;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs of a study: trained by s2l's workers (schema {@code training}, owned by trainer-worker;
 * read here, never written) or imported ({@code analysis.imported_run}).
 */
@Component
public class RunReader {

  private final JdbcTemplate jdbc;

  RunReader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every run of a study with its compute accounting, by size then distribution then seed. */
  public List<RunView> runs(UUID studyId) {
    List<RunView> imported = imported(studyId);
    if (!imported.isEmpty() || !trainingSchemaExists()) {
      return imported;
    }
    return jdbc.query(
        "SELECT r.scale, r.distribution, r.seed, r.params_non_embedding, r.params_total,"
            + " r.tokens, r.flops, r.steps, r.wall_seconds, r.tokens_per_second,"
            + " r.eval_seconds, r.final_train_loss, r.peak_rss_bytes, r.worker, r.attempt"
            + " FROM training.run r WHERE r.study_id = ?"
            + " ORDER BY r.params_non_embedding, r.distribution, r.seed",
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

  /** The training schema is created by the first worker; an analysis-only platform has none. */
  private boolean trainingSchemaExists() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT to_regclass('training.run') IS NOT NULL", Boolean.class));
  }

  private List<RunView> imported(UUID studyId) {
    return jdbc.query(
        "SELECT scale, distribution, seed, params, tokens FROM analysis.imported_run"
            + " WHERE study_id = ? ORDER BY params, distribution, seed",
        (rs, i) ->
            new RunView(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                null,
                rs.getLong(5),
                6.0 * rs.getLong(4) * rs.getLong(5),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
        studyId);
  }
}
