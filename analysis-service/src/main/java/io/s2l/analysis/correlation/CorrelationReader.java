package io.s2l.analysis.correlation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads stored scale correlation, ordered by proxy size then evaluation set. */
@Component
public class CorrelationReader {

  private final JdbcTemplate jdbc;

  CorrelationReader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<ScaleCorrelationEntry> forStudy(UUID studyId) {
    return jdbc.query(
        "SELECT * FROM analysis.scale_correlation WHERE study_id = ?"
            + " ORDER BY proxy_params, proxy_scale, eval_set",
        (rs, i) -> entry(rs),
        studyId);
  }

  private static ScaleCorrelationEntry entry(ResultSet rs) throws SQLException {
    List<String> names = Arrays.asList((String[]) rs.getArray("distributions").getArray());
    return new ScaleCorrelationEntry(
        rs.getString("proxy_scale"),
        rs.getString("reference_scale"),
        rs.getString("eval_set"),
        names.size(),
        names,
        rs.getObject("pearson_r", Double.class),
        rs.getObject("r2", Double.class),
        rs.getObject("spearman", Double.class),
        rs.getObject("kendall", Double.class),
        rs.getObject("decision_accuracy", Double.class),
        rs.getObject("slope", Double.class),
        rs.getObject("intercept", Double.class),
        rs.getLong("proxy_params"),
        rs.getLong("reference_params"),
        rs.getDouble("proxy_flops"),
        rs.getDouble("reference_flops"),
        rs.getDouble("compute_ratio"),
        doubles(rs.getArray("proxy_losses")),
        doubles(rs.getArray("reference_losses")));
  }

  private static List<Double> doubles(Array array) throws SQLException {
    return Arrays.asList((Double[]) array.getArray());
  }
}
