package io.s2l.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.testsupport.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
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

/** A worker process claims real jobs from PostgreSQL and trains with the real PyTorch engine. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "s2l.queue.idle-poll=100ms",
      "s2l.queue.lease=20s",
      // checked at start-up: the lease must outlast a third of itself plus the connection timeout
      "spring.datasource.hikari.connection-timeout=5000",
      "s2l.worker.artifacts=target/artifacts"
    })
class TrainerWorkerIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
  }

  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void aQueuedJobIsTrainedEvaluatedStoredAndCompletedOnce() throws Exception {
    UUID study = UUID.randomUUID();
    TrainingJobSpec spec =
        new TrainingJobSpec(
            "builtin",
            new ModelScale("xs", 16, 1, 2, 32),
            new MixtureSpec("mix", Map.of("legal", 0.5, "quotes", 0.5)),
            3,
            5.0,
            List.of("heldout/legal", "quiz", "grammar"),
            new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0));
    enqueue(study, "xs/mix/3", json.writeValueAsString(spec));

    String state = awaitFinished(study);

    assertThat(state).isEqualTo("succeeded");
    Map<String, Object> run =
        jdbc.queryForMap("SELECT * FROM training.run WHERE study_id = ?", study);
    assertThat(run.get("params_non_embedding")).isEqualTo(spec.scale().nonEmbeddingParams());
    assertThat((Long) run.get("tokens")).isGreaterThanOrEqualTo(spec.tokenBudget());
    assertThat((Double) run.get("flops"))
        .isEqualTo(6.0 * spec.scale().nonEmbeddingParams() * (Long) run.get("tokens"));
    assertThat((Double) run.get("tokens_per_second")).isPositive();
    List<Map<String, Object>> evals =
        jdbc.queryForList(
            "SELECT eval_set, mean_loss, cardinality(losses) AS n, cardinality(correct) AS c,"
                + " chance FROM training.run_eval WHERE run_id = ? ORDER BY eval_set",
            run.get("id"));
    assertThat(evals)
        .extracting(e -> e.get("eval_set"))
        .containsExactly("grammar", "heldout/legal", "quiz");
    assertThat(evals).extracting(e -> e.get("n")).containsExactly(1024, 256, 512);
    assertThat(evals).allSatisfy(e -> assertThat((Double) e.get("mean_loss")).isBetween(0.5, 8.0));
    // multiple choice records whether the model chose right, and chance; the others do not
    assertThat(evals.get(0).get("c")).isEqualTo(1024);
    assertThat(evals.get(0).get("chance")).isEqualTo(0.5);
    assertThat(evals.get(1).get("c")).isNull();
    assertThat(evals.get(2).get("chance")).isNull();
    assertThat((String) run.get("model_path")).endsWith("/model.params");
    // sets with answers keep each continuation's log-likelihood and length, read through their
    // view; the correct continuation's log-likelihood is minus the stored loss times its tokens
    List<Map<String, Object>> scores =
        jdbc.queryForList(
            "SELECT s.eval_set, cardinality(s.choices) AS n, cardinality(s.logprobs) AS m,"
                + " (SELECT max(abs(l.losses[i] + s.logprobs[o.at + s.labels[i] + 1]"
                + "  / s.tokens[o.at + s.labels[i] + 1]))"
                + "  FROM generate_subscripts(s.choices, 1) AS i,"
                + "  LATERAL (SELECT coalesce(sum(c), 0) AS at FROM unnest(s.choices[1:i - 1]) c) o)"
                + " AS worst FROM training.run_example_scores s JOIN training.run_example_losses l"
                + " USING (study_id, run_key, eval_set) WHERE s.study_id = ? ORDER BY s.eval_set",
            study);
    assertThat(scores).extracting(e -> e.get("eval_set")).containsExactly("grammar", "quiz");
    assertThat(scores).extracting(e -> e.get("n")).containsExactly(1024, 512);
    assertThat(scores).extracting(e -> e.get("m")).containsExactly(2048, 512);
    assertThat(scores).allSatisfy(e -> assertThat((Double) e.get("worst")).isLessThan(1e-5));
  }

  @Test
  void anImageClassifierJobTrainsOnItsSubsetAndRecordsAccuracy() throws Exception {
    UUID study = UUID.randomUUID();
    List<String> pool = io.s2l.corpus.BuiltinImages.load("digits").trainIds().subList(0, 300);
    TrainingJobSpec spec =
        new TrainingJobSpec(
            "digits",
            new ModelScale("mlp-16", 16, 1, null, null, "mlp"),
            new MixtureSpec("subset-0", null, pool),
            1,
            null,
            List.of("images/digits-test"),
            new TrainingSettings(32, 3e-3, 0.05, 0.01, 1.0, "cpu", 10));
    enqueue(study, "mlp-16/subset-0/1", json.writeValueAsString(spec));

    assertThat(awaitFinished(study)).isEqualTo("succeeded");
    Map<String, Object> run =
        jdbc.queryForMap("SELECT * FROM training.run WHERE study_id = ?", study);
    // 300 images x 10 epochs
    assertThat(run.get("tokens")).isEqualTo(3000L);
    Map<String, Object> eval =
        jdbc.queryForMap(
            "SELECT cardinality(losses) AS n, chance,"
                + " (SELECT count(*) FROM unnest(correct) c WHERE c) AS right FROM training.run_eval WHERE run_id = ?",
            run.get("id"));
    assertThat(eval.get("n")).isEqualTo(400);
    assertThat(eval.get("chance")).isEqualTo(0.1);
    assertThat((Long) eval.get("right")).isGreaterThan(200L); // well above chance (40 of 400)

    // The trained model can then be featurised: projected per-example gradients over the test set.
    io.s2l.study.FeaturizeJobSpec features =
        new io.s2l.study.FeaturizeJobSpec(
            study, "mlp-16/subset-0/1", "digits", spec.scale(), "test", 32, 7);
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(
                  study,
                  JobKinds.FEATURIZE,
                  features.key(),
                  json.writeValueAsString(features),
                  1)));
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    String state = "queued";
    while (Instant.now().isBefore(deadline)
        && !state.equals("succeeded")
        && !state.equals("failed")) {
      Thread.sleep(100);
      state =
          jdbc.queryForObject(
              "SELECT state FROM queue.job WHERE study_id = ? AND kind = 'featurize'",
              String.class,
              study);
    }
    assertThat(state).isEqualTo("succeeded");
    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM training.features WHERE study_id = ?", study);
    assertThat(row.get("rows")).isEqualTo(400);
    // mlp-16, depth 1, on 8x8 digits: (64 + 1) x 16 + (16 + 1) x 10 parameters
    assertThat(row.get("parameters")).isEqualTo((long) (65 * 16 + 17 * 10));
    java.nio.file.Path file =
        java.nio.file.Path.of("target/artifacts").resolve((String) row.get("path"));
    assertThat(java.nio.file.Files.size(file)).isEqualTo(400L * 32 * 4);
  }

  @Test
  void aJobTrainsAndEvaluatesOnUploadedData() throws Exception {
    java.nio.file.Path datasets = java.nio.file.Path.of("target/artifacts/datasets");
    java.nio.file.Files.createDirectories(datasets);
    UUID corpus = UUID.randomUUID();
    UUID quiz = UUID.randomUUID();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      lines.append(
          String.format(
              "{\"domain\":\"notes\",\"text\":\"note %d: the quick brown fox jumps over the lazy dog.\",\"id\":\"notes-%06d\"}%n",
              i, i));
    }
    java.nio.file.Files.writeString(datasets.resolve(corpus + ".jsonl"), lines);
    java.nio.file.Files.writeString(
        datasets.resolve(quiz + ".jsonl"),
        "{\"id\":\"q1\",\"prompt\":\"the quick brown\",\"answer\":\" fox\"}\n"
            + "{\"id\":\"q2\",\"prompt\":\"over the lazy\",\"answer\":\" dog\"}\n");
    UUID study = UUID.randomUUID();
    TrainingJobSpec spec =
        new TrainingJobSpec(
            corpus.toString(),
            new ModelScale("xs", 16, 1, 2, 32),
            new MixtureSpec("all", Map.of("notes", 1.0)),
            1,
            2.0,
            List.of("heldout/notes", "upload/" + quiz),
            new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0));
    enqueue(study, "xs/all/1", json.writeValueAsString(spec));

    assertThat(awaitFinished(study)).isEqualTo("succeeded");
    List<Map<String, Object>> evals =
        jdbc.queryForList(
            "SELECT e.eval_set, cardinality(e.losses) AS n FROM training.run_eval e"
                + " JOIN training.run r ON r.id = e.run_id WHERE r.study_id = ? ORDER BY e.eval_set",
            study);
    assertThat(evals)
        .extracting(e -> e.get("eval_set"))
        .containsExactly("heldout/notes", "upload/" + quiz);
    assertThat(evals)
        .extracting(e -> e.get("n"))
        .containsExactly(4, 2); // every tenth of 40 held out
  }

  @Test
  void aBadPayloadFailsTheJobWithItsReasonAndTheWorkerCarriesOn() throws Exception {
    UUID study = UUID.randomUUID();
    enqueue(study, "bad", "{\"dataset\": \"builtin\", \"seed\": 1}");

    assertThat(awaitFinished(study)).isEqualTo("failed");
    assertThat(
            jdbc.queryForObject(
                "SELECT last_error FROM queue.job WHERE study_id = ?", String.class, study))
        .contains("payload has no scale");
  }

  private void enqueue(UUID study, String key, String payload) throws Exception {
    QueuedJobs.enqueue(dataSource, queue, study, key, payload, 1);
  }

  private String awaitFinished(UUID study) throws InterruptedException {
    return QueuedJobs.awaitFinished(jdbc, study);
  }
}
