package io.s2l.analysis.mixture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.study.JobKinds;
import io.s2l.study.TrainingJobSpec;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a mixture study's trained models with their results on the target evaluation set. */
@Component
class MixtureRuns {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  MixtureRuns(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Every model of the study at one scale, with its mixture and its results on {@code target}. */
  List<ProxyRun> load(UUID study, String scale, String target) {
    return jdbc.query(
        "SELECT j.payload::text, r.flops, e.mean_loss, e.losses, e.correct FROM training.run r"
            + " JOIN training.run_eval e ON e.run_id = r.id JOIN queue.job j ON j.study_id ="
            + " r.study_id AND j.kind = ? AND j.job_key = r.job_key WHERE r.study_id = ? AND"
            + " r.scale = ? AND e.eval_set = ? ORDER BY r.distribution, r.seed",
        (rs, i) -> {
          TrainingJobSpec job = read(rs.getString(1));
          return new ProxyRun(
              scale,
              job.distribution().name(),
              job.distribution().weights(),
              rs.getDouble(2),
              rs.getDouble(3),
              floats(rs.getArray(4)),
              booleans(rs.getArray(5)));
        },
        JobKinds.TRAIN,
        study,
        scale,
        target);
  }

  private TrainingJobSpec read(String payload) {
    try {
      return json.readValue(payload, TrainingJobSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable training job", e);
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
