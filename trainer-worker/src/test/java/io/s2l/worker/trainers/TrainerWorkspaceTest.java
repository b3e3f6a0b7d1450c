package io.s2l.worker.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.spring.QueueProperties;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.trainer.contract.Contract;
import io.s2l.trainer.contract.TrainerSpec;
import io.s2l.worker.config.WorkerProperties;
import io.s2l.worker.training.CorpusCache;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attempt's run directory and the spec a trainer finds in it. */
class TrainerWorkspaceTest {

  private static final Instant NOW = Instant.parse("2026-12-04T06:00:00.700Z");
  private static final TrainerRef TRAINER =
      new TrainerRef(
          "pytorch", List.of("s2l-train"), List.of("lm", "mlp"), false, 1 << 30, 600, null);

  @TempDir Path artifacts;
  TrainerWorkspace workspace;

  @BeforeEach
  void workspace() {
    WorkerProperties properties =
        new WorkerProperties(
            1, 64, artifacts, 250, null, artifacts.resolve("local"), null, null, null);
    workspace =
        new TrainerWorkspace(
            properties,
            new QueueProperties(
                Duration.ofMinutes(1),
                Duration.ofHours(12),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                "trainer",
                List.of()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new TrainerData(properties, new CorpusCache(properties)));
  }

  private static ClaimedJob job(UUID study, int attempt) {
    return new ClaimedJob(42, study, "train", "xs/mix/3", "{}", attempt, 3, "trainer-1@host");
  }

  @Test
  void aLanguageModelJobsSpecIsValidAndComplete() throws Exception {
    UUID study = UUID.randomUUID();
    TrainingJobSpec spec =
        new TrainingJobSpec(
            "builtin",
            new ModelScale("xs", 16, 1, 2, 32, null, "pytorch", Map.of("config", "tiny")),
            new MixtureSpec("mix", Map.of("legal", 0.5, "quotes", 0.5)),
            3,
            5.0,
            List.of("heldout/legal", "grammar"),
            new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0),
            TRAINER);

    RunDirectory run = workspace.prepare(job(study, 1), spec);

    assertThat(run.dir())
        .isEqualTo(artifacts.resolve("studies/" + study + "/job-42-xs-mix-seed-3/attempt-1"));
    assertThat(run.outputDir()).isEmptyDirectory().isEqualTo(run.dir().resolve("out"));
    JsonNode written = Contract.json().readTree(run.specFile().toFile());
    assertThat(schema().validate(written)).isEmpty();
    TrainerSpec s = run.spec();
    assertThat(Contract.json().treeToValue(written, TrainerSpec.class)).isEqualTo(s);
    assertThat(s.run()).isEqualTo("xs/mix/3");
    assertThat(s.distribution()).isEqualTo("mix");
    assertThat(s.scale().nonEmbeddingParams()).isEqualTo(spec.scale().nonEmbeddingParams());
    assertThat(s.options()).isEqualTo(Map.of("config", "tiny"));
    assertThat(s.budget().tokens()).isEqualTo(spec.tokenBudget());
    assertThat(s.training().device()).isEqualTo("cpu");
    assertThat(s.training().batchSize()).isEqualTo(8);
    assertThat(s.data().file())
        .isEqualTo(artifacts.resolve("trainer-data/builtin/train.jsonl").toString());
    assertThat(s.data().weights()).isEqualTo(spec.distribution().weights());
    assertThat(s.evalSets())
        .extracting(TrainerSpec.EvalSet::name)
        .containsExactly("heldout/legal", "grammar");
    assertThat(run.expectedIds().get("grammar")).hasSize(1024);
    assertThat(s.previousAttemptDir()).isNull();
    assertThat(s.deadline()).isEqualTo(Instant.parse("2026-12-04T18:00:00Z"));
  }

  @Test
  void aLaterAttemptGetsAFreshDirectoryAndThePreviousOnesPath() throws Exception {
    UUID study = UUID.randomUUID();
    TrainingJobSpec spec =
        new TrainingJobSpec(
            "digits",
            new ModelScale("mlp-16", 16, 1, null, null, "mlp"),
            new MixtureSpec("subset-0", null, List.of("digit-000001", "digit-000002")),
            1,
            null,
            List.of("images/digits-test"),
            new TrainingSettings(32, 3e-3, 0.05, 0.01, 1.0, "gpu", 3),
            TRAINER);
    RunDirectory first = workspace.prepare(job(study, 1), spec);
    Files.writeString(first.outputDir().resolve("losses.csv"), "partial");
    RunDirectory again = workspace.prepare(job(study, 2), spec);
    Files.writeString(again.outputDir().resolve("losses.csv"), "left by a crash");

    RunDirectory second = workspace.prepare(job(study, 2), spec);

    assertThat(second.outputDir()).isEmptyDirectory();
    assertThat(second.spec().previousAttemptDir()).isEqualTo(first.dir().toString());
    assertThat(first.outputDir().resolve("losses.csv")).exists();
    assertThat(schema().validate(Contract.json().readTree(second.specFile().toFile()))).isEmpty();
    TrainerSpec s = second.spec();
    assertThat(s.family()).isEqualTo("mlp");
    assertThat(s.budget().epochs()).isEqualTo(3);
    assertThat(s.scale().heads()).isNull();
    assertThat(s.data().format()).isEqualTo("images");
    assertThat(s.data().imageShape()).containsExactly(8, 8);
    assertThat(s.data().pixelMax()).isEqualTo(16);
    assertThat(s.data().classes()).isEqualTo(10);
    assertThat(s.data().subset()).containsExactly("digit-000001", "digit-000002");
    assertThat(s.evalSets().get(0).chance()).isEqualTo(0.1);
  }

  private static Schema schema() throws Exception {
    try (InputStream in = Contract.class.getResourceAsStream(Contract.SPEC_SCHEMA)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }
}
