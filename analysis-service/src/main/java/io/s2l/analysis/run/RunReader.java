package io.s2l.analysis.run;

import io.s2l.access.web.PageView;
import io.s2l.api.run.RunView;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs of a study: trained by s2l's workers (read through trainer-worker's read model {@code
 * training.run_summary}) or imported ({@code analysis.imported_run}).
 */
@Component
public class RunReader {

  private final JdbcTemplate jdbc;

  RunReader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One page of a study's runs with their compute accounting, by size then distribution then seed.
   */
  public PageView<RunView> runs(UUID studyId, int page, int size) {
    long offset = PageView.offset(page, size);
    long imported = count("SELECT count(*) FROM analysis.imported_run WHERE study_id = ?", studyId);
    if (imported > 0 || !trainingSchemaExists()) {
      return new PageView<>(imported(studyId, size, offset), page, size, imported);
    }
    long trained = count("SELECT count(*) FROM training.run_summary WHERE study_id = ?", studyId);
    return new PageView<>(trained(studyId, size, offset), page, size, trained);
  }

  private long count(String sql, UUID studyId) {
    Long n = jdbc.queryForObject(sql, Long.class, studyId);
    return n == null ? 0 : n;
  }

  private List<RunView> trained(UUID studyId, int limit, long offset) {
    return jdbc.query(
        "SELECT scale, distribution, seed, params_non_embedding, params_total, tokens, flops,"
            + " steps, wall_seconds, tokens_per_second, eval_seconds, final_train_loss,"
            + " peak_rss_bytes, worker, attempt FROM training.run_summary WHERE study_id = ?"
            + " ORDER BY params_non_embedding, distribution, seed, scale LIMIT ? OFFSET ?",
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
        studyId,
        limit,
        offset);
  }

  /** The training schema is created by the first worker; an analysis-only platform has none. */
  private boolean trainingSchemaExists() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT to_regclass('training.run_summary') IS NOT NULL", Boolean.class));
  }

  private List<RunView> imported(UUID studyId, int limit, long offset) {
    return jdbc.query(
        "SELECT scale, distribution, seed, params, tokens FROM analysis.imported_run"
            + " WHERE study_id = ? ORDER BY params, distribution, seed, scale LIMIT ? OFFSET ?",
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
        studyId,
        limit,
        offset);
  }
}
