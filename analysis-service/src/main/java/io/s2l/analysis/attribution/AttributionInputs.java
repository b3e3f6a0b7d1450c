package io.s2l.analysis.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.study.TrainingJobSpec;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what an attribution analysis needs from the trainer's read model (the {@code training}
 * views): the feature files of every checkpoint of every pool model, the training FLOPs of each
 * model, the documents of a text study's pool, and the ground truth (subset membership and outputs
 * of the runs on the target set).
 */
@Component
class AttributionInputs {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Path artifacts;

  AttributionInputs(JdbcTemplate jdbc, ObjectMapper json, AnalysisProperties properties) {
    this.jdbc = jdbc;
    this.json = json;
    this.artifacts = properties.artifacts();
  }

  /**
   * The featurisation of one model.
   *
   * @param train pool features, n x k
   * @param test test-set features, (test examples) x k
   * @param trainMargins the model's margins on the pool, n float32
   */
  record FeatureFiles(Path train, Path test, Path trainMargins) {}

  /**
   * @param checkpoint 0 for the final model, c &gt;= 1 for snapshot c of its training
   */
  FeatureFiles features(
      UUID study, String runKey, int dimension, long projectionSeed, int checkpoint) {
    Map<String, String[]> byExamples = new HashMap<>();
    jdbc.query(
        "SELECT examples, path, margins_path FROM training.run_feature_files WHERE study_id = ?"
            + " AND run_key = ? AND dimension = ? AND projection_seed = ? AND checkpoint = ?",
        rs -> {
          byExamples.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        },
        study,
        runKey,
        dimension,
        projectionSeed,
        checkpoint);
    String[] train = byExamples.get("train");
    String[] test = byExamples.get("test");
    if (train == null || test == null || train[1] == null) {
      throw new IllegalStateException(
          "model "
              + runKey
              + " (checkpoint "
              + checkpoint
              + ") of study "
              + study
              + " lacks its pool or target features");
    }
    return new FeatureFiles(
        artifacts.resolve(train[0]), artifacts.resolve(test[0]), artifacts.resolve(train[1]));
  }

  /** Training FLOPs of one trained model. */
  double flops(UUID study, String runKey) {
    List<Double> flops =
        jdbc.queryForList(
            "SELECT flops FROM training.run_summary WHERE study_id = ? AND run_key = ?",
            Double.class,
            study,
            runKey);
    if (flops.isEmpty()) {
      throw new IllegalStateException("study " + study + " has no trained model " + runKey);
    }
    return flops.get(0);
  }

  /**
   * The ground truth of the given reference runs, subsets trained with several seeds averaged.
   *
   * @param poolIds ids of the pool's examples, in pool order
   * @param evalSet the evaluation set whose outputs are the ground truth
   */
  GroundTruth groundTruth(UUID study, List<String> runKeys, List<String> poolIds, String evalSet) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < poolIds.size(); i++) {
      index.put(poolIds.get(i), i);
    }
    Map<String, boolean[]> subsets = new LinkedHashMap<>();
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> seeds = new HashMap<>();
    for (String run : runKeys) {
      TrainedOn trained = trainedOn(study, run);
      String name = trained.distribution();
      boolean[] members = subsets.computeIfAbsent(name, k -> membership(trained, index, run));
      float[] margins = margins(study, run, evalSet);
      double[] sum = sums.computeIfAbsent(name, k -> new double[margins.length]);
      if (sum.length != margins.length || members.length != poolIds.size()) {
        throw new IllegalStateException("run " + run + " does not match the other runs' shapes");
      }
      for (int i = 0; i < margins.length; i++) {
        sum[i] += margins[i];
      }
      seeds.merge(name, 1, Integer::sum);
    }
    int m = subsets.size();
    boolean[][] membership = new boolean[m][];
    double[][] outputs = new double[m][];
    int j = 0;
    for (String name : subsets.keySet()) {
      membership[j] = subsets.get(name);
      double[] mean = sums.get(name);
      int count = seeds.get(name);
      for (int i = 0; i < mean.length; i++) {
        mean[i] /= count;
      }
      outputs[j++] = mean;
    }
    return new GroundTruth(membership, outputs, runKeys.size());
  }

  /** What one of the study's models was trained on, as its trainer recorded it. */
  TrainingJobSpec trainingJob(UUID study, String run) {
    List<String> specs =
        jdbc.queryForList(
            "SELECT trained_on::text FROM training.run_summary WHERE study_id = ? AND run_key = ?",
            String.class,
            study,
            run);
    if (specs.isEmpty()) {
      throw new IllegalStateException("study " + study + " has no trained model " + run);
    }
    try {
      return json.readValue(specs.get(0), TrainingJobSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable training record of " + run, e);
    }
  }

  /** The document ids a model was trained on, in its order: the pool of a text study. */
  List<String> poolIds(UUID study, String run) {
    TrainedOn trained = trainedOn(study, run);
    if (trained.subset() == null) {
      throw new IllegalStateException("pool model " + run + " was not trained on a document list");
    }
    return List.of(trained.subset());
  }

  /** A run's distribution name and, when it was trained on one, its subset of document ids. */
  private record TrainedOn(String distribution, String[] subset) {}

  private TrainedOn trainedOn(UUID study, String run) {
    List<TrainedOn> rows =
        jdbc.query(
            "SELECT distribution, subset FROM training.run_summary WHERE study_id = ?"
                + " AND run_key = ?",
            (rs, i) -> new TrainedOn(rs.getString(1), strings(rs.getArray(2))),
            study,
            run);
    if (rows.isEmpty()) {
      throw new IllegalStateException("study " + study + " has no trained model " + run);
    }
    return rows.get(0);
  }

  private static boolean[] membership(TrainedOn trained, Map<String, Integer> index, String run) {
    if (trained.subset() == null) {
      throw new IllegalStateException("ground-truth run " + run + " was not trained on a subset");
    }
    boolean[] members = new boolean[index.size()];
    for (String id : trained.subset()) {
      Integer at = index.get(id);
      if (at == null) {
        throw new IllegalStateException("run " + run + " names unknown pool example " + id);
      }
      members[at] = true;
    }
    return members;
  }

  /**
   * A trained model's outputs o on an evaluation set (docs/science.md section 3.1): correct-class
   * margins of an image classifier, or a language model's -mean loss or choice margins.
   */
  float[] margins(UUID study, String run, String evalSet) {
    List<float[]> rows =
        jdbc.query(
            "SELECT margins FROM training.run_example_losses WHERE study_id = ? AND run_key = ?"
                + " AND eval_set = ? AND margins IS NOT NULL",
            (rs, i) -> floats(rs.getArray(1)),
            study,
            run,
            evalSet);
    if (rows.isEmpty()) {
      throw new IllegalStateException(
          "run " + run + " of study " + study + " has no outputs on " + evalSet);
    }
    return rows.get(0);
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? null : (String[]) array.getArray();
  }

  private static float[] floats(Array array) throws SQLException {
    Object[] boxed = (Object[]) array.getArray();
    float[] values = new float[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = ((Number) boxed[i]).floatValue();
    }
    return values;
  }
}
