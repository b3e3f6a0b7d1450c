package io.s2l.worker.features;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.spring.CompletingTransaction;
import io.s2l.study.FeaturizeJobSpec;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds trained models and records featurisations, completing their jobs in the same transaction. A
 * featurisation is recorded per checkpoint: 0 for the final model, c for snapshot c.
 */
@Component
class FeatureStore {

  private final JdbcTemplate jdbc;
  private final CompletingTransaction completing;
  private final Clock clock;

  FeatureStore(JdbcTemplate jdbc, CompletingTransaction completing, Clock clock) {
    this.jdbc = jdbc;
    this.completing = completing;
    this.clock = clock;
  }

  /** The artifact-store path of a trained model; fails clearly when the run does not exist. */
  String modelPath(UUID studyId, String runKey) {
    List<String> paths =
        jdbc.queryForList(
            "SELECT model_path FROM training.run WHERE study_id = ? AND job_key = ?",
            String.class,
            studyId,
            runKey);
    if (paths.isEmpty() || paths.get(0) == null) {
      throw new IllegalArgumentException(
          "study " + studyId + " has no trained model '" + runKey + "' to featurise");
    }
    return paths.get(0);
  }

  /**
   * The training documents a model was trained on, from its run ({@code training.run_summary}): the
   * dataset and the ids of its subset distribution, in order; fails clearly for a model trained on
   * a mixture, which has no pool.
   */
  Pool pool(UUID studyId, String runKey) {
    List<Pool> pools =
        jdbc.query(
            "SELECT dataset, subset FROM training.run_summary WHERE study_id = ? AND run_key = ?",
            (rs, i) -> {
              java.sql.Array subset = rs.getArray(2);
              return new Pool(
                  rs.getString(1), subset == null ? null : List.of((String[]) subset.getArray()));
            },
            studyId,
            runKey);
    if (pools.isEmpty() || pools.get(0).documentIds() == null) {
      throw new IllegalArgumentException(
          "study " + studyId + " has no model '" + runKey + "' trained on a subset to featurise");
    }
    return pools.get(0);
  }

  /** A model's training pool: the ids of its training documents in {@code dataset}, in order. */
  record Pool(String dataset, List<String> documentIds) {}

  void recordAndComplete(
      FeaturizeJobSpec spec,
      int rows,
      long parameters,
      String path,
      String marginsPath,
      ClaimedJob job) {
    completing.runWithoutResult(
        job,
        "the features of " + spec.runKey(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO training.features (study_id, run_key, examples, dimension,"
                      + " projection_seed, rows, parameters, path, margins_path, created_at,"
                      + " checkpoint) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (study_id,"
                      + " run_key, examples, dimension, projection_seed, checkpoint)"
                      + " DO UPDATE SET rows = excluded.rows,"
                      + " parameters = excluded.parameters, path = excluded.path,"
                      + " margins_path = excluded.margins_path, created_at = excluded.created_at")) {
            ps.setObject(1, spec.studyId());
            ps.setString(2, spec.runKey());
            ps.setString(3, spec.examples());
            ps.setInt(4, spec.dimension());
            ps.setLong(5, spec.projectionSeed());
            ps.setInt(6, rows);
            ps.setLong(7, parameters);
            ps.setString(8, path);
            ps.setString(9, marginsPath);
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            ps.setInt(11, spec.checkpoint() == null ? 0 : spec.checkpoint());
            ps.executeUpdate();
          }
        });
  }
}
