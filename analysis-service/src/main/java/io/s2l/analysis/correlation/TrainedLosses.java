package io.s2l.analysis.correlation;

import io.s2l.stats.metrics.AnswerScores;
import io.s2l.stats.metrics.MetricDecisions;
import io.s2l.stats.study.LossCube;
import io.s2l.study.AnalysisJobSpec;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the per-example losses of a study trained by s2l's workers, from their read model {@code
 * training.run_example_losses}.
 */
@Component
class TrainedLosses {

  private final JdbcTemplate jdbc;

  TrainedLosses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  LossCube load(AnalysisJobSpec spec) {
    List<Cell> cells = new ArrayList<>();
    jdbc.query(
        "SELECT scale, distribution, seed, params_non_embedding, flops, eval_set, losses,"
            + " correct, chance FROM training.run_example_losses WHERE study_id = ?",
        (ResultSet rs) -> {
          cells.add(
              new Cell(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getDouble(5),
                  rs.getString(6),
                  floats(rs.getArray(7)),
                  booleans(rs.getArray(8)),
                  rs.getObject(9, Double.class)));
        },
        spec.studyId());
    LossCube.Builder cube = LossCube.builder(spec.scales(), spec.distributions(), spec.seeds());
    Map<String, Integer> examples = new HashMap<>();
    Map<String, Double> chances = new HashMap<>();
    cells.forEach(
        c -> {
          examples.putIfAbsent(c.evalSet(), c.losses().length);
          if (c.chance() != null) {
            chances.putIfAbsent(c.evalSet(), c.chance());
          }
        });
    for (String evalSet : spec.evalSets()) {
      if (!examples.containsKey(evalSet)) {
        throw new IllegalStateException(
            "no run of study " + spec.studyId() + " was evaluated on " + evalSet);
      }
      cube.evalSet(evalSet, examples.get(evalSet), chances.get(evalSet));
    }
    Map<String, double[]> flops = new HashMap<>(); // scale -> {sum, count}
    for (Cell c : cells) {
      if (spec.evalSets().contains(c.evalSet())) {
        cube.losses(c.scale(), c.distribution(), c.seed(), c.evalSet(), c.losses(), c.correct());
      }
      double[] f = flops.computeIfAbsent(c.scale(), k -> new double[3]);
      f[0] += c.flops();
      f[1] += 1;
      f[2] = c.params();
    }
    flops.forEach((scale, f) -> cube.scaleCompute(scale, (long) f[2], f[0] / f[1]));
    return cube.build();
  }

  /**
   * The raw answer scores of the study's runs (sets with answers only), from their read model
   * {@code training.run_example_scores}; runs stored before these were kept have none.
   */
  MetricDecisions.Scores scores(AnalysisJobSpec spec) {
    return scores(
        jdbc,
        "SELECT scale, distribution, seed, eval_set, logprobs, choices, labels, bytes, tokens"
            + " FROM training.run_example_scores WHERE study_id = ?",
        spec);
  }

  /**
   * Raw answer scores by run and set from a query of the study (its one parameter) returning scale,
   * distribution, seed, evaluation set, logprobs, choices, labels, bytes and tokens.
   */
  static MetricDecisions.Scores scores(JdbcTemplate jdbc, String sql, AnalysisJobSpec spec) {
    Map<RunSet, AnswerScores> scores = new HashMap<>();
    jdbc.query(
        sql,
        (ResultSet rs) -> {
          scores.put(
              new RunSet(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
              new AnswerScores(
                  doubles(rs.getArray(5)),
                  ints(rs.getArray(6)),
                  ints(rs.getArray(7)),
                  ints(rs.getArray(8)),
                  ints(rs.getArray(9))));
        },
        spec.studyId());
    return (scale, distribution, seed, evalSet) ->
        scores.get(new RunSet(scale, distribution, seed, evalSet));
  }

  /** One run's result on one evaluation set. */
  record RunSet(String scale, String distribution, long seed, String evalSet) {}

  private static double[] doubles(Array array) throws SQLException {
    Double[] boxed = (Double[]) array.getArray();
    double[] values = new double[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = boxed[i];
    }
    return values;
  }

  private static int[] ints(Array array) throws SQLException {
    Integer[] boxed = (Integer[]) array.getArray();
    int[] values = new int[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = boxed[i];
    }
    return values;
  }

  private record Cell(
      String scale,
      String distribution,
      long seed,
      long params,
      double flops,
      String evalSet,
      float[] losses,
      boolean[] correct,
      Double chance) {}

  private static boolean[] booleans(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    Boolean[] boxed = (Boolean[]) array.getArray();
    boolean[] values = new boolean[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = boxed[i];
    }
    return values;
  }

  private static float[] floats(Array array) throws SQLException {
    Float[] boxed = (Float[]) array.getArray();
    float[] values = new float[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = boxed[i];
    }
    return values;
  }
}
