package io.s2l.analysis.correlation;

import io.s2l.analysis.imports.LossBytes;
import io.s2l.stats.metrics.MetricDecisions;
import io.s2l.stats.study.LossCube;
import io.s2l.study.AnalysisJobSpec;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Loads the per-example losses of an imported study (tables {@code analysis.imported_*}). */
@Component
class ImportedLosses {

  private final JdbcTemplate jdbc;

  ImportedLosses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  LossCube load(AnalysisJobSpec spec) {
    LossCube.Builder cube = LossCube.builder(spec.scales(), spec.distributions(), spec.seeds());
    Map<String, Integer> examples = new HashMap<>();
    Map<String, Double> chances = new HashMap<>();
    jdbc.query(
        "SELECT eval_set, cardinality(example_ids), chance FROM analysis.imported_eval_set"
            + " WHERE study_id = ?",
        (ResultSet rs) -> {
          examples.put(rs.getString(1), rs.getInt(2));
          chances.put(rs.getString(1), rs.getObject(3, Double.class));
        },
        spec.studyId());
    for (String evalSet : spec.evalSets()) {
      cube.evalSet(evalSet, examples.getOrDefault(evalSet, 0), chances.get(evalSet));
    }
    Map<String, double[]> compute = new HashMap<>(); // scale -> {params, sum of flops, runs}
    jdbc.query(
        "SELECT scale, params, tokens FROM analysis.imported_run WHERE study_id = ?",
        (ResultSet rs) -> {
          double[] c = compute.computeIfAbsent(rs.getString(1), k -> new double[3]);
          c[0] = rs.getLong(2);
          c[1] += 6.0 * rs.getLong(2) * rs.getLong(3);
          c[2] += 1;
        },
        spec.studyId());
    compute.forEach((scale, c) -> cube.scaleCompute(scale, (long) c[0], c[1] / c[2]));
    jdbc.query(
        "SELECT scale, distribution, seed, eval_set, losses, correct FROM analysis.imported_losses"
            + " WHERE study_id = ?",
        (ResultSet rs) -> {
          byte[] correct = rs.getBytes(6);
          cube.losses(
              rs.getString(1),
              rs.getString(2),
              rs.getLong(3),
              rs.getString(4),
              LossBytes.toFloats(rs.getBytes(5)),
              correct == null ? null : LossBytes.toBooleans(correct));
        },
        spec.studyId());
    return cube.build();
  }

  /** The raw answer scores an imported study carried (the optional answer columns), if any. */
  MetricDecisions.Scores scores(AnalysisJobSpec spec) {
    return TrainedLosses.scores(
        jdbc,
        "SELECT scale, distribution, seed, eval_set, answer_logprobs, answer_choices,"
            + " answer_labels, answer_bytes, answer_tokens FROM analysis.imported_losses"
            + " WHERE study_id = ? AND answer_logprobs IS NOT NULL",
        spec);
  }
}
