package io.s2l.worker.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.featurize.BlockProjection;
import io.s2l.featurize.LmExample;
import io.s2l.featurize.LmGradients;
import io.s2l.featurize.PerExampleGradients;
import io.s2l.lm.train.TrainedModel;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.FeaturizeJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.testsupport.TestDatabase;
import io.s2l.worker.QueuedJobs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A language-model pool model trained with snapshots by a worker on PostgreSQL and PyTorch, then
 * featurised: its pool, and the targets of an answer set and a multiple-choice set, at the final
 * model and at a snapshot; the signs and values of docs/science.md section 3.1 checked against the
 * one-example-at-a-time reference gradients.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "s2l.queue.idle-poll=100ms",
      "s2l.queue.lease=20s",
      "spring.datasource.hikari.connection-timeout=5000",
      "s2l.worker.artifacts=target/artifacts-lm",
      "s2l.worker.featurize-memory=8MB"
    })
class LmFeaturisationIT {

  static final Path ARTIFACTS = Path.of("target/artifacts-lm");
  static final int K = 64;
  static final long SEED = 11;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
  }

  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void poolAndTargetsOfTheFinalModelAndASnapshotAreFeaturisedWithTheirSigns() throws Exception {
    UUID study = UUID.randomUUID();
    List<Document> pool = new ArrayList<>(BuiltinCorpus.train("legal").subList(0, 20));
    pool.addAll(BuiltinCorpus.train("quotes").subList(0, 20));
    TrainingJobSpec training =
        new TrainingJobSpec(
                "builtin",
                new ModelScale("xs", 16, 1, 2, 32),
                new MixtureSpec("pool", null, pool.stream().map(Document::id).toList()),
                3,
                2.0,
                List.of("quiz", "grammar"),
                new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0))
            .withSnapshots(3);
    QueuedJobs.enqueue(
        dataSource, queue, study, training.key(), json.writeValueAsString(training), 1);
    assertThat(QueuedJobs.awaitFinished(jdbc, study)).isEqualTo("succeeded");
    Path run =
        ARTIFACTS.resolve(
            Path.of(
                    jdbc.queryForObject(
                        "SELECT model_path FROM training.run WHERE study_id = ?",
                        String.class,
                        study))
                .getParent());
    assertThat(run.resolve("checkpoint-1.params")).isRegularFile();
    assertThat(run.resolve("checkpoint-2.params")).isRegularFile();
    assertThat(Files.readAllBytes(run.resolve("checkpoint-2.params")))
        .isNotEqualTo(Files.readAllBytes(run.resolve("model.params")));

    List<FeaturizeJobSpec> jobs =
        List.of(
            featurize(study, training, FeaturizeJobSpec.TRAIN, null, "quiz"),
            featurize(study, training, FeaturizeJobSpec.TEST, null, "quiz"),
            featurize(study, training, FeaturizeJobSpec.TEST, 1, "grammar"));
    try (Connection c = dataSource.getConnection()) {
      List<NewJob> queued = new ArrayList<>();
      for (FeaturizeJobSpec spec : jobs) {
        queued.add(
            new NewJob(study, JobKinds.FEATURIZE, spec.key(), json.writeValueAsString(spec), 1));
      }
      queue.enqueue(c, queued);
    }
    awaitFeaturised(study, jobs.size());

    List<Map<String, Object>> files =
        jdbc.queryForList(
            "SELECT examples, checkpoint, rows, path, margins_path FROM training.run_feature_files"
                + " WHERE study_id = ? ORDER BY examples DESC, checkpoint",
            study);
    List<EvalExample> quiz = BuiltinEvalSets.load("quiz");
    List<EvalExample> grammar = BuiltinEvalSets.load("grammar");
    assertThat(files)
        .extracting(f -> f.get("examples"), f -> f.get("checkpoint"), f -> f.get("rows"))
        .containsExactly(
            tuple("train", 0, pool.size()),
            tuple("test", 0, quiz.size()),
            tuple("test", 1, grammar.size()));
    assertThat((String) files.get(2).get("path"))
        .endsWith("/attempt-1/features-test-k64-seed11-checkpoint1-attempt1.f32");
    assertThat(Files.size(ARTIFACTS.resolve((String) files.get(2).get("path"))))
        .isEqualTo(4L * K * grammar.size());

    // Final model: pool rows are the projected mean-loss gradients and their margins -(mean loss);
    // answer targets likewise. Snapshot 1: choice targets are minus the projected margin gradient,
    // their margins o.
    List<LmExample> documents =
        pool.subList(0, 3).stream().map(d -> LmExample.document(d.text(), 256)).toList();
    List<LmExample> answers = quiz.subList(0, 3).stream().map(LmExample::of).toList();
    List<LmExample> choices = grammar.subList(0, 3).stream().map(LmExample::of).toList();
    FeaturizeJobSpec any = jobs.get(0);
    try (TrainedModel model = LmFeatures.load(any, run.resolve("model.params"))) {
      expectRows(model, documents, 1, files.get(0));
      expectRows(model, answers, 1, files.get(1));
      // What evaluation stored is o of the same model, here from the reference path's f.
      float[] stored = storedMargins(study, "quiz");
      float[] f = LmGradients.of(model).reference(answers).margins();
      for (int i = 0; i < answers.size(); i++) {
        assertThat(stored[i]).isCloseTo(-f[i], within(1e-4f * (1 + Math.abs(f[i]))));
      }
      stored = storedMargins(study, "grammar");
      f = LmGradients.of(model).reference(choices).margins();
      for (int i = 0; i < choices.size(); i++) {
        assertThat(stored[i]).isCloseTo(f[i], within(1e-4f * (1 + Math.abs(f[i]))));
      }
    }
    try (TrainedModel snapshot = LmFeatures.load(any, run.resolve("checkpoint-1.params"))) {
      expectRows(snapshot, choices, -1, files.get(2));
    }
  }

  /**
   * The first rows of the feature file are {@code sign x P^T grad f} of the reference gradients;
   * the margins file holds o: {@code -f} for a loss (sign 1), {@code f} for a margin (sign -1).
   */
  private static void expectRows(
      TrainedModel model, List<LmExample> examples, int sign, Map<String, Object> file)
      throws Exception {
    LmGradients gradients = LmGradients.of(model);
    PerExampleGradients.Result reference = gradients.reference(examples);
    float[] projected =
        new BlockProjection(gradients.parameterCount(), K, SEED)
            .project(reference.gradients(), examples.size());
    float[] written = floats(ARTIFACTS.resolve((String) file.get("path")), examples.size() * K);
    float[] margins = floats(ARTIFACTS.resolve((String) file.get("margins_path")), examples.size());
    for (int i = 0; i < examples.size(); i++) {
      double norm = 0;
      for (int j = 0; j < K; j++) {
        norm += projected[i * K + j] * (double) projected[i * K + j];
      }
      assertThat(norm).isPositive();
      float tolerance = (float) (1e-4 * Math.sqrt(norm));
      for (int j = 0; j < K; j++) {
        assertThat(written[i * K + j])
            .as("row %d column %d", i, j)
            .isCloseTo(sign * projected[i * K + j], within(tolerance));
      }
      float f = reference.margins()[i];
      assertThat(margins[i]).isCloseTo(-sign * f, within(1e-4f * (1 + Math.abs(f))));
    }
  }

  private float[] storedMargins(UUID study, String evalSet) {
    return jdbc.queryForObject(
        "SELECT margins FROM training.run_example_losses WHERE study_id = ? AND eval_set = ?",
        (rs, i) -> {
          Object[] boxed = (Object[]) rs.getArray(1).getArray();
          float[] values = new float[boxed.length];
          for (int j = 0; j < values.length; j++) {
            values[j] = ((Number) boxed[j]).floatValue();
          }
          return values;
        },
        study,
        evalSet);
  }

  private static float[] floats(Path file, int count) throws Exception {
    float[] values = new float[count];
    ByteBuffer.wrap(Files.readAllBytes(file))
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(values);
    return values;
  }

  private static FeaturizeJobSpec featurize(
      UUID study, TrainingJobSpec model, String examples, Integer checkpoint, String targetSet) {
    return new FeaturizeJobSpec(
        study,
        model.key(),
        model.dataset(),
        model.scale(),
        examples,
        K,
        SEED,
        checkpoint,
        targetSet);
  }

  private void awaitFeaturised(UUID study, int jobs) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      List<String> states =
          jdbc.queryForList(
              "SELECT state FROM queue.job WHERE study_id = ? AND kind = 'featurize'",
              String.class,
              study);
      if (states.contains("failed")) {
        throw new AssertionError(
            jdbc.queryForList(
                "SELECT last_error FROM queue.job WHERE study_id = ? AND state = 'failed'",
                String.class,
                study));
      }
      if (states.size() == jobs && states.stream().allMatch("succeeded"::equals)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("featurisation of study " + study + " did not finish in time");
  }
}
