package io.s2l.worker.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.classifier.ClassifierScale;
import io.s2l.corpus.BuiltinImages;
import io.s2l.queue.JobQueue;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.testsupport.TestDatabase;
import io.s2l.worker.QueuedJobs;
import io.s2l.worker.config.WorkerProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker process runs jobs whose payload names an external trainer, through the real queue and
 * PostgreSQL: a good trainer's outputs are stored as a built-in run is, a broken one fails its
 * attempt with the contract's reason and is retried in a fresh run directory.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "s2l.queue.idle-poll=100ms",
      "s2l.queue.lease=20s",
      "spring.datasource.hikari.connection-timeout=5000",
      "s2l.worker.artifacts=target/artifacts",
      "s2l.worker.local-dir=target/worker-local",
      "s2l.worker.trainer-process.grace=1s",
      "s2l.worker.trainer-process.poll=100ms"
    })
class ExternalTrainerIT {

  private static final TrainingSettings SETTINGS = new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
  }

  @Autowired JobQueue queue;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired WorkerProperties properties;

  private static TrainerRef trainer(List<String> command, int silenceSeconds) {
    return new TrainerRef(
        "fake", command, List.of("lm", "mlp"), false, 1L << 30, silenceSeconds, null);
  }

  private static TrainingJobSpec textJob(TrainerRef trainer) {
    return new TrainingJobSpec(
        "builtin",
        new ModelScale("xs", 16, 1, 2, 32),
        new MixtureSpec("mix", Map.of("legal", 0.5, "quotes", 0.5)),
        3,
        5.0,
        List.of("heldout/legal", "quiz", "grammar"),
        SETTINGS,
        trainer);
  }

  @Test
  void aGoodTrainersRunIsStoredAsItWroteIt() throws Exception {
    UUID study = UUID.randomUUID();
    TrainingJobSpec spec = textJob(trainer(FakeTrainers.python(), 30));
    enqueue(study, spec, 1);

    assertThat(awaitFinished(study)).isEqualTo("succeeded");

    Map<String, Object> run =
        jdbc.queryForMap("SELECT * FROM training.run WHERE study_id = ?", study);
    long params = spec.scale().nonEmbeddingParams();
    assertThat(run.get("params_non_embedding")).isEqualTo(params);
    assertThat(run.get("params_total")).isEqualTo(spec.scale().totalParams());
    assertThat(run.get("tokens")).isEqualTo(spec.tokenBudget());
    assertThat(run.get("flops")).isEqualTo(6.0 * params * spec.tokenBudget());
    assertThat(run.get("steps")).isEqualTo(5L);
    assertThat(run.get("final_train_loss")).isEqualTo(0.6);
    Path attempt = attemptDir(study, 1);
    assertThat(run.get("model_path"))
        .isEqualTo(
            properties
                .artifacts()
                .toAbsolutePath()
                .normalize()
                .relativize(attempt.resolve("out/checkpoints/final.pt"))
                .toString());
    Map<String, Written> written = written(attempt);
    List<Map<String, Object>> evals =
        jdbc.queryForList(
            "SELECT eval_set, losses, correct, chance, margins FROM training.run_eval"
                + " WHERE run_id = ? ORDER BY eval_set",
            run.get("id"));
    assertThat(evals)
        .extracting(e -> e.get("eval_set"))
        .containsExactly("grammar", "heldout/legal", "quiz");
    for (Map<String, Object> e : evals) {
      Written w = written.get((String) e.get("eval_set"));
      assertThat(list(e.get("losses"))).as("losses of " + e.get("eval_set")).isEqualTo(w.losses());
      assertThat(e.get("margins")).isNull();
    }
    assertThat(list(evals.get(0).get("correct"))).isEqualTo(written.get("grammar").correct());
    assertThat(evals.get(0).get("chance")).isEqualTo(0.5);
    assertThat(evals.get(1).get("correct")).isNull();
    assertThat(evals.get(2).get("chance")).isNull();
    assertThat(list(evals.get(1).get("losses"))).hasSize(256);
    // the raw answer scores the fake gave on the answer set, read through their view
    List<Map<String, Object>> scores =
        jdbc.queryForList(
            "SELECT eval_set, logprobs, choices, tokens FROM training.run_example_scores"
                + " WHERE study_id = ?",
            study);
    assertThat(scores).extracting(e -> e.get("eval_set")).containsExactly("quiz");
    List<Object> logprobs = list(scores.get(0).get("logprobs"));
    List<Float> quizLosses = written.get("quiz").losses();
    assertThat(logprobs).hasSameSizeAs(quizLosses);
    for (int i = 0; i < logprobs.size(); i++) {
      assertThat((Double) logprobs.get(i)).isEqualTo(-4.0 * quizLosses.get(i));
    }
    assertThat(list(scores.get(0).get("choices"))).containsOnly(1);
    assertThat(list(scores.get(0).get("tokens"))).containsOnly(4);
  }

  @Test
  void anImageTrainersMarginsAndAnswersAreStored() throws Exception {
    UUID study = UUID.randomUUID();
    List<String> pool = BuiltinImages.load("digits").trainIds().subList(0, 300);
    TrainingJobSpec spec =
        new TrainingJobSpec(
            "digits",
            new ModelScale("mlp-16", 16, 1, null, null, "mlp"),
            new MixtureSpec("subset-0", null, pool),
            1,
            null,
            List.of("images/digits-test"),
            new TrainingSettings(32, 3e-3, 0.05, 0.01, 1.0, "cpu", 2),
            trainer(FakeTrainers.python(), 30));
    enqueue(study, spec, 1);

    assertThat(awaitFinished(study)).isEqualTo("succeeded");

    Map<String, Object> run =
        jdbc.queryForMap("SELECT * FROM training.run WHERE study_id = ?", study);
    assertThat(run.get("tokens")).isEqualTo(600L); // 2 epochs of 300 images
    assertThat(run.get("params_non_embedding"))
        .isEqualTo(new ClassifierScale("mlp-16", "mlp", 16, 1).params(8, 8, 1, 10));
    Map<String, Object> eval =
        jdbc.queryForMap("SELECT * FROM training.run_eval WHERE run_id = ?", run.get("id"));
    Written w = written(attemptDir(study, 1)).get("images/digits-test");
    assertThat(list(eval.get("losses"))).hasSize(400).isEqualTo(w.losses());
    assertThat(list(eval.get("correct"))).isEqualTo(w.correct());
    assertThat(list(eval.get("margins"))).isEqualTo(w.margins());
    assertThat(eval.get("chance")).isEqualTo(0.1);
  }

  @Test
  void eachBrokenTrainerFailsItsAttemptWithTheReason() throws Exception {
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    Map<String, TrainerRef> trainers = new LinkedHashMap<>();
    broken(
        trainers,
        reasons,
        FakeTrainers.python("--fault", "fail"),
        "trainer exited with code 3; trainer.log ends with:",
        "RuntimeError: CUDA out of memory (fake)");
    broken(
        trainers,
        reasons,
        FakeTrainers.python("--fault", "no-outputs"),
        "result.json is missing from the output directory");
    broken(
        trainers,
        reasons,
        FakeTrainers.python("--fault", "nan-loss"),
        "losses.csv row 2: set 'heldout/legal' example '",
        "' has loss NaN, not finite");
    broken(
        trainers,
        reasons,
        FakeTrainers.python("--fault", "missing-example"),
        "losses.csv: set 'grammar' is missing example '",
        "(1 of 1024 missing)");
    broken(
        trainers,
        reasons,
        FakeTrainers.python("--fault", "link-outside"),
        "path 'checkpoints/outside.pt' in result.json resolves outside outputDir");
    broken(
        trainers,
        reasons,
        FakeTrainers.python("--fault", "dot-dot"),
        "path '../spec.json' in result.json contains '..'");
    broken(
        trainers,
        reasons,
        FakeTrainers.sh("garbage.sh"),
        "stdout line 2 is not a progress object: loading weights from cache...");
    trainers.put("silent", trainer(FakeTrainers.sh("silent.sh"), 1));
    reasons.put(
        "silent",
        List.of(
            "trainer silent for 1 s: no progress line on stdout within its silenceSeconds (1)"));
    Map<String, UUID> studies = new LinkedHashMap<>();
    for (var t : trainers.entrySet()) {
      UUID study = UUID.randomUUID();
      studies.put(t.getKey(), study);
      enqueue(study, textJob(t.getValue()), 1);
    }

    for (var s : studies.entrySet()) {
      assertThat(awaitFinished(s.getValue())).as(s.getKey()).isEqualTo("failed");
      String error =
          jdbc.queryForObject(
              "SELECT last_error FROM queue.job WHERE study_id = ?", String.class, s.getValue());
      assertThat(error).as(s.getKey()).contains(reasons.get(s.getKey()));
      assertThat(runs(s.getValue())).as("nothing stored for " + s.getKey()).isZero();
    }
  }

  @Test
  void aFailedAttemptIsRetriedInAFreshRunDirectory() throws Exception {
    UUID study = UUID.randomUUID();
    enqueue(study, textJob(trainer(FakeTrainers.python("--fault", "fail"), 30)), 2);

    assertThat(awaitFinished(study)).isEqualTo("failed");

    Map<String, Object> job =
        jdbc.queryForMap("SELECT attempt, last_error FROM queue.job WHERE study_id = ?", study);
    assertThat(job.get("attempt")).isEqualTo(2);
    assertThat((String) job.get("last_error")).contains("trainer exited with code 3");
    assertThat(runs(study)).isZero();
    Path first = attemptDir(study, 1);
    Path second = attemptDir(study, 2);
    assertThat(Files.readString(first.resolve("trainer.log"))).contains("CUDA out of memory");
    JsonNode spec = json.readTree(second.resolve("spec.json").toFile());
    assertThat(spec.get("attempt").asInt()).isEqualTo(2);
    assertThat(spec.get("previousAttemptDir").asText()).isEqualTo(first.toString());
    assertThat(
            json.readTree(first.resolve("spec.json").toFile()).get("previousAttemptDir").isNull())
        .isTrue();
  }

  private static void broken(
      Map<String, TrainerRef> trainers,
      Map<String, List<String>> reasons,
      List<String> command,
      String... reason) {
    String name = String.join(" ", command.subList(1, command.size()));
    trainers.put(name, trainer(command, 30));
    reasons.put(name, List.of(reason));
  }

  /** What the fake wrote into losses.csv, per set, in the order of the set's evaluation file. */
  private Map<String, Written> written(Path attempt) throws Exception {
    JsonNode spec = json.readTree(attempt.resolve("spec.json").toFile());
    List<String> lines = Files.readAllLines(attempt.resolve("out/losses.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    Map<String, String[]> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      rows.put(f[header.indexOf("evalSet")] + "\n" + f[header.indexOf("exampleId")], f);
    }
    Map<String, Written> written = new HashMap<>();
    for (JsonNode set : spec.get("evalSets")) {
      Written w = new Written(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (String example : Files.readAllLines(Path.of(set.get("file").asText()))) {
        String[] f =
            rows.get(set.get("name").asText() + "\n" + json.readTree(example).get("id").asText());
        w.losses().add(Float.parseFloat(f[header.indexOf("loss")]));
        String correct = f[header.indexOf("correct")];
        if (!correct.isEmpty()) {
          w.correct().add(Boolean.parseBoolean(correct));
        }
        String margin = f[header.indexOf("margin")];
        if (!margin.isEmpty()) {
          w.margins().add(Float.parseFloat(margin));
        }
      }
      written.put(set.get("name").asText(), w);
    }
    return written;
  }

  private record Written(List<Float> losses, List<Boolean> correct, List<Float> margins) {}

  private Path attemptDir(UUID study, int attempt) throws Exception {
    Path studies =
        properties
            .artifacts()
            .toAbsolutePath()
            .normalize()
            .resolve("studies")
            .resolve(study.toString());
    try (Stream<Path> jobs = Files.list(studies)) {
      return jobs.findFirst().orElseThrow().resolve("attempt-" + attempt);
    }
  }

  private static List<Object> list(Object array) throws SQLException {
    return List.of((Object[]) ((Array) array).getArray());
  }

  private int runs(UUID study) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM training.run WHERE study_id = ?", Integer.class, study);
  }

  private void enqueue(UUID study, TrainingJobSpec spec, int attempts) throws Exception {
    QueuedJobs.enqueue(
        dataSource, queue, study, spec.key(), json.writeValueAsString(spec), attempts);
  }

  private String awaitFinished(UUID study) throws InterruptedException {
    return QueuedJobs.awaitFinished(jdbc, study);
  }
}
