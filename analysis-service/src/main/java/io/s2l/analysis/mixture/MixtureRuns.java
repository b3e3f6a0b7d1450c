package io.s2l.analysis.mixture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a mixture study's trained models with their mixtures and their results on the target
 * evaluation set, from trainer-worker's read model (the {@code training} views).
 */
@Component
class MixtureRuns {

  private static final TypeReference<LinkedHashMap<String, Double>> WEIGHTS =
      new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  MixtureRuns(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Every model of the study at one scale, with its mixture and its results on {@code target}. */
  List<ProxyRun> load(UUID study, String scale, String target) {
    return jdbc.query(
        "SELECT r.distribution, r.mixture_weights::text, r.flops, e.mean_loss, e.losses,"
            + " e.correct, r.seed FROM training.run_summary r JOIN training.run_example_losses e"
            + " ON e.study_id = r.study_id AND e.run_key = r.run_key WHERE r.study_id = ?"
            + " AND r.scale = ? AND e.eval_set = ? ORDER BY r.distribution, r.seed",
        (rs, i) ->
            new ProxyRun(
                scale,
                rs.getString(1),
                weights(rs.getString(2)),
                rs.getDouble(3),
                rs.getDouble(4),
                floats(rs.getArray(5)),
                booleans(rs.getArray(6)),
                rs.getLong(7)),
        study,
        scale,
        target);
  }

  /** Domain to weight, in the order the stored document gives them; null for a subset run. */
  private Map<String, Double> weights(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, WEIGHTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable mixture weights", e);
    }
  }

  private static float[] floats(Array array) throws SQLException {
    Object[] boxed = (Object[]) array.getArray();
    float[] values = new float[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = ((Number) boxed[i]).floatValue();
    }
    return values;
  }

  private static boolean[] booleans(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    Object[] boxed = (Object[]) array.getArray();
    boolean[] values = new boolean[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = Boolean.TRUE.equals(boxed[i]);
    }
    return values;
  }
}
