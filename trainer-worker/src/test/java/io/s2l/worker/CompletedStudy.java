package io.s2l.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A completed study written the way the platform wrote it before runs recorded what they were
 * trained on: training jobs queued with their payloads, claimed, and each run stored with the
 * worker's insert of that time in the transaction that completes its job; one model featurised.
 */
final class CompletedStudy {

  static final List<String> POOL = List.of("img-0", "img-1", "img-2", "img-3");

  final UUID id = UUID.randomUUID();
  final List<TrainingJobSpec> jobs = new ArrayList<>();

  private final DataSource dataSource;
  private final JobQueue queue;
  private final ObjectMapper json;
  private int stored;

  CompletedStudy(DataSource dataSource, JobQueue queue, ObjectMapper json) {
    this.dataSource = dataSource;
    this.queue = queue;
    this.json = json;
    TrainingSettings settings = new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0);
    for (ModelScale scale :
        List.of(new ModelScale("xs", 16, 1, 2, 32), new ModelScale("s", 32, 2, 2, 32))) {
      for (MixtureSpec mixture :
          List.of(
              new MixtureSpec("legal-heavy", Map.of("legal", 0.75, "quotes", 0.25)),
              new MixtureSpec("even", Map.of("legal", 0.5, "quotes", 0.5)),
              new MixtureSpec("pool", null, POOL),
              new MixtureSpec("subset-0", null, List.of("img-2", "img-0")))) {
        for (long seed : List.of(0L, 1L)) {
          jobs.add(
              new TrainingJobSpec(
                  "builtin",
                  scale,
                  mixture,
                  seed,
                  5.0,
                  List.of("heldout/legal", "quiz"),
                  settings));
        }
      }
    }
  }

  /** Queues every training job and stores each one's run as it completes. */
  void trainAll() throws Exception {
    List<NewJob> queued = new ArrayList<>();
    for (TrainingJobSpec job : jobs) {
      queued.add(new NewJob(id, JobKinds.TRAIN, job.key(), json.writeValueAsString(job), 3));
    }
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, queued);
    }
    for (int i = 0; i < jobs.size(); i++) {
      ClaimedJob job =
          queue.claim(List.of(JobKinds.TRAIN), "worker-1", Duration.ofMinutes(1)).orElseThrow();
      TrainingJobSpec spec = json.readValue(job.payloadJson(), TrainingJobSpec.class);
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        long run = insertRun(c, job, spec);
        insertLosses(c, run, spec);
        if (!queue.complete(c, job)) {
          throw new IllegalStateException("lost job " + job.key());
        }
        c.commit();
      }
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO training.features (study_id, run_key, examples, dimension,"
                    + " projection_seed, rows, parameters, path, margins_path, created_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      for (String examples : List.of("train", "test")) {
        ps.setObject(1, id);
        ps.setString(2, "xs/pool/0");
        ps.setString(3, examples);
        ps.setInt(4, 64);
        ps.setLong(5, 0);
        ps.setInt(6, examples.equals("train") ? POOL.size() : 3);
        ps.setLong(7, 1234);
        ps.setString(8, "features/" + id + "/xs/pool/0/" + examples + ".f32");
        ps.setString(9, examples.equals("train") ? "features/" + id + "/margins.f32" : null);
        ps.setTimestamp(10, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
        ps.executeUpdate();
      }
    }
  }

  /** RunStore's insert before runs recorded what they were trained on. */
  private long insertRun(Connection c, ClaimedJob job, TrainingJobSpec spec) throws SQLException {
    stored++;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO training.run (study_id, job_id, job_key, scale, distribution, seed,"
                + " params_non_embedding, params_total, tokens, flops, steps, wall_seconds,"
                + " tokens_per_second, eval_seconds, final_train_loss, peak_rss_bytes, worker,"
                + " attempt, created_at, model_path)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
      long params = spec.scale().nonEmbeddingParams();
      ps.setObject(1, job.studyId());
      ps.setLong(2, job.id());
      ps.setString(3, job.key());
      ps.setString(4, spec.scale().name());
      ps.setString(5, spec.distribution().name());
      ps.setLong(6, spec.seed());
      ps.setLong(7, params);
      ps.setLong(8, spec.scale().totalParams());
      ps.setLong(9, spec.tokenBudget());
      ps.setDouble(10, 6.0 * params * spec.tokenBudget());
      ps.setLong(11, 10 + stored);
      ps.setDouble(12, 1.5 * stored);
      ps.setDouble(13, 1000.0 / stored);
      ps.setDouble(14, 0.25);
      ps.setDouble(15, 3.0 - 0.01 * stored);
      ps.setLong(16, 1L << 28);
      ps.setString(17, job.owner());
      ps.setInt(18, job.attempt());
      ps.setTimestamp(19, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
      ps.setString(20, "runs/" + job.studyId() + "/" + job.key() + "/model.params");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** RunStore's per-example results: losses everywhere, answers and margins on the quiz. */
  private void insertLosses(Connection c, long run, TrainingJobSpec spec) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO training.run_eval (run_id, eval_set, mean_loss, losses, correct, chance,"
                + " margins) VALUES (?,?,?,?,?,?,?)")) {
      for (String evalSet : spec.evalSets()) {
        boolean quiz = evalSet.equals("quiz");
        Float[] losses = new Float[3];
        Boolean[] correct = new Boolean[3];
        Float[] margins = new Float[3];
        double sum = 0;
        for (int i = 0; i < 3; i++) {
          losses[i] = (float) (2 + 0.1 * i + 0.01 * stored + (quiz ? 0.5 : 0));
          correct[i] = (i + stored) % 2 == 0;
          margins[i] = (float) (0.3 * i - 0.02 * stored);
          sum += losses[i];
        }
        ps.setLong(1, run);
        ps.setString(2, evalSet);
        ps.setDouble(3, sum / 3);
        ps.setArray(4, c.createArrayOf("float4", losses));
        ps.setArray(5, quiz ? c.createArrayOf("bool", correct) : null);
        ps.setObject(6, quiz ? 0.25 : null);
        ps.setArray(7, quiz ? c.createArrayOf("float4", margins) : null);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
