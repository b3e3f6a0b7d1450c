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
 * Finds trained models and records featurisations, completing their jobs in the same transaction.
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
                      + " projection_seed, rows, parameters, path, margins_path, created_at)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (study_id, run_key, examples,"
                      + " dimension, projection_seed) DO UPDATE SET rows = excluded.rows,"
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
            ps.executeUpdate();
          }
        });
  }
}
