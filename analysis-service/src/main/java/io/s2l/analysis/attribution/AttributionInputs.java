package io.s2l.analysis.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.study.JobKinds;
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
 * Reads what an attribution analysis needs from the trainer's records: the feature files of every
 * pool model, the training FLOPs of each model, and the ground truth (subset membership from the
 * training jobs, margins from the runs).
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

  FeatureFiles features(UUID study, String runKey, int dimension, long projectionSeed) {
    Map<String, String[]> byExamples = new HashMap<>();
    jdbc.query(
        "SELECT examples, path, margins_path FROM training.features WHERE study_id = ?"
            + " AND run_key = ? AND dimension = ? AND projection_seed = ?",
        rs -> {
          byExamples.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        },
        study,
        runKey,
        dimension,
        projectionSeed);
    String[] train = byExamples.get("train");
    String[] test = byExamples.get("test");
    if (train == null || test == null || train[1] == null) {
      throw new IllegalStateException(
          "model " + runKey + " of study " + study + " lacks its pool or test-set features");
    }
    return new FeatureFiles(
        artifacts.resolve(train[0]), artifacts.resolve(test[0]), artifacts.resolve(train[1]));
  }

  /** Training FLOPs of one trained model. */
  double flops(UUID study, String runKey) {
    List<Double> flops =
        jdbc.queryForList(
            "SELECT flops FROM training.run WHERE study_id = ? AND job_key = ?",
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
   */
  GroundTruth groundTruth(UUID study, List<String> runKeys, List<String> poolIds) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < poolIds.size(); i++) {
      index.put(poolIds.get(i), i);
    }
    Map<String, boolean[]> subsets = new LinkedHashMap<>();
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> seeds = new HashMap<>();
    for (String run : runKeys) {
      JsonNode distribution = distribution(study, run);
      String name = distribution.get("name").asText();
      boolean[] members = subsets.computeIfAbsent(name, k -> membership(distribution, index, run));
      float[] margins = margins(study, run);
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

  /** The payload of one of the study's training jobs. */
  TrainingJobSpec trainingJob(UUID study, String run) {
    try {
      return json.readValue(payload(study, run), TrainingJobSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable training job " + run, e);
    }
  }

  private JsonNode distribution(UUID study, String run) {
    try {
      return json.readTree(payload(study, run)).get("distribution");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable training job " + run, e);
    }
  }

  private String payload(UUID study, String run) {
    List<String> payloads =
        jdbc.queryForList(
            "SELECT payload::text FROM queue.job WHERE study_id = ? AND kind = ? AND job_key = ?",
            String.class,
            study,
            JobKinds.TRAIN,
            run);
    if (payloads.isEmpty()) {
      throw new IllegalStateException("study " + study + " has no training job " + run);
    }
    return payloads.get(0);
  }

  private static boolean[] membership(
      JsonNode distribution, Map<String, Integer> index, String run) {
    JsonNode subset = distribution.get("subset");
    if (subset == null || !subset.isArray()) {
      throw new IllegalStateException("ground-truth run " + run + " was not trained on a subset");
    }
    boolean[] members = new boolean[index.size()];
    for (JsonNode id : subset) {
      Integer at = index.get(id.asText());
      if (at == null) {
        throw new IllegalStateException("run " + run + " names unknown pool example " + id);
      }
      members[at] = true;
    }
    return members;
  }

  /** A trained model's margins on the test set. */
  float[] margins(UUID study, String run) {
    List<float[]> rows =
        jdbc.query(
            "SELECT e.margins FROM training.run r JOIN training.run_eval e ON e.run_id = r.id"
                + " WHERE r.study_id = ? AND r.job_key = ? AND e.margins IS NOT NULL",
            (rs, i) -> floats(rs.getArray(1)),
            study,
            run);
    if (rows.isEmpty()) {
      throw new IllegalStateException("run " + run + " of study " + study + " has no margins");
    }
    return rows.get(0);
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
