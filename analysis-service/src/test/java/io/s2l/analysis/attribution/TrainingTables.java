package io.s2l.analysis.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.stats.metrics.AnswerScores;
import io.s2l.study.TrainingJobSpec;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The trainer worker's read model in a test database, written as the worker writes it: its own
 * migrations (read from its source tree) create the {@code training} schema, runs and their
 * per-example results are rows of {@code run} and {@code run_eval}, features are raw float32 files
 * in the artifact store with a row of {@code features} each.
 */
public final class TrainingTables {

  private static final AtomicLong JOB_IDS = new AtomicLong(1_000_000);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Path artifacts;

  public TrainingTables(JdbcTemplate jdbc, ObjectMapper json, Path artifacts) {
    this.jdbc = jdbc;
    this.json = json;
    this.artifacts = artifacts;
  }

  /** Creates the {@code training} schema with the trainer worker's own migrations. */
  public static void migrate(TestDatabase.Coordinates db) {
    Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .schemas("training")
        .locations("filesystem:../trainer-worker/src/main/resources/db/training")
        .load()
        .migrate();
  }

  /**
   * Points the service at a fresh test database, with the test API keys and the {@code training}
   * schema migrated.
   */
  public static void registerDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    db.register(registry::add);
    TestKeys.register(registry::add);
    migrate(db);
  }

  /** A trained model; returns its run id. */
  public long run(UUID study, TrainingJobSpec spec, double flops) throws IOException {
    long jobId = JOB_IDS.incrementAndGet();
    return jdbc.queryForObject(
        "INSERT INTO training.run (study_id, job_id, job_key, scale, distribution, seed,"
            + " params_non_embedding, params_total, tokens, flops, steps, wall_seconds,"
            + " tokens_per_second, eval_seconds, final_train_loss, peak_rss_bytes, worker, attempt,"
            + " created_at, trained_on) VALUES (?,?,?,?,?,?,1000,2000,6000,?,10,1,6000,0.1,3.0,"
            + "1000000,'test',1,?,?::jsonb) RETURNING id",
        Long.class,
        study,
        jobId,
        spec.key(),
        spec.scale().name(),
        spec.distribution().name(),
        spec.seed(),
        flops,
        Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")),
        json.writeValueAsString(spec));
  }

  /**
   * A model's per-example results on one evaluation set; correct null without accuracy, margins
   * null where not measured.
   */
  public void eval(long run, String set, double[] losses, Boolean[] correct, double[] margins) {
    double mean = 0;
    for (double l : losses) {
      mean += l / losses.length;
    }
    jdbc.update(
        "INSERT INTO training.run_eval (run_id, eval_set, mean_loss, losses, correct, margins)"
            + " VALUES (?,?,?,?::real[],?::boolean[],?::real[])",
        run,
        set,
        mean,
        array(losses),
        correct == null ? null : array(correct),
        margins == null ? null : array(margins));
  }

  /** A set's chance accuracy and raw answer scores, beside its stored {@link #eval}. */
  public void answers(long run, String set, Double chance, AnswerScores scores) {
    jdbc.update(
        "UPDATE training.run_eval SET chance = ?, answer_logprobs = ?::float8[],"
            + " answer_choices = ?::int[], answer_labels = ?::int[], answer_bytes = ?::int[],"
            + " answer_tokens = ?::int[] WHERE run_id = ? AND eval_set = ?",
        chance,
        Arrays.toString(scores.logprobs()).replace('[', '{').replace(']', '}'),
        ints(scores.choices()),
        ints(scores.labels()),
        ints(scores.bytes()),
        ints(scores.tokens()),
        run,
        set);
  }

  private static String ints(int[] values) {
    return Arrays.toString(values).replace('[', '{').replace(']', '}');
  }

  /** One featurisation: the rows as a float32 file, and for the pool a margins file. */
  void features(
      UUID study,
      String runKey,
      String examples,
      int dimension,
      long projectionSeed,
      int checkpoint,
      float[][] rows,
      float[] margins)
      throws IOException {
    String base =
        "features/" + study + "/" + runKey.replace('/', '_') + "-" + examples + "-" + checkpoint;
    Path file = artifacts.resolve(base + ".f32");
    Files.createDirectories(file.getParent());
    ByteBuffer buffer =
        ByteBuffer.allocate(rows.length * dimension * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : rows) {
      for (float v : row) {
        buffer.putFloat(v);
      }
    }
    Files.write(file, buffer.array());
    String marginsPath = null;
    if (margins != null) {
      marginsPath = base + ".margins.f32";
      ByteBuffer m = ByteBuffer.allocate(margins.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : margins) {
        m.putFloat(v);
      }
      Files.write(artifacts.resolve(marginsPath), m.array());
    }
    jdbc.update(
        "INSERT INTO training.features (study_id, run_key, examples, dimension, projection_seed,"
            + " rows, parameters, path, created_at, margins_path, checkpoint)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        study,
        runKey,
        examples,
        dimension,
        projectionSeed,
        rows.length,
        100_000L,
        base + ".f32",
        Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")),
        marginsPath,
        checkpoint);
  }

  private static String array(double[] values) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",").append((float) values[i]);
    }
    return s.append('}').toString();
  }

  private static String array(Boolean[] values) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",").append(values[i]);
    }
    return s.append('}').toString();
  }
}
