package io.s2l.experiment.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.PlanSummary;
import io.s2l.study.TrainerRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class StudyDocumentsTest {

  // the service's mapper is built with Spring's defaults
  final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  final StudyDocuments documents = new StudyDocuments(json);

  /** A plan as PostgreSQL returns a row stored before the plan was a record (jsonb key order). */
  static final String STORED =
      """
      {"seeds": [0, 1], "scales": [{"name": "xs", "depth": 1, "heads": 2, "width": 16,\
       "family": null, "context": 32}, {"name": "w8", "depth": 2, "heads": null, "width": 8,\
       "family": "mlp", "context": null}], "evalSets": ["literature", "code"],\
       "distributions": [{"name": "lit", "subset": null, "weights": {"code": 0.25,\
       "literature": 0.75}}, {"name": "subset-0", "subset": ["digit-1", "digit-7"],\
       "weights": null}]}
      """;

  static Study storedWith(String plan) {
    return new Study(UUID.randomUUID(), "old", "{}", plan, "xs", 4, 1L, Instant.EPOCH);
  }

  /** A plan's scales name their trainer: a plan stored before they did was the built-in's. */
  @Test
  void aPlanStoredBeforeItWasARecordReadsIntoTheRecord() {
    PlanSummary plan = documents.plan(storedWith(STORED));
    assertThat(plan.seeds()).containsExactly(0L, 1L);
    assertThat(plan.scales())
        .containsExactly(
            new ModelScale("xs", 16, 1, 2, 32, null, "djl", null),
            new ModelScale("w8", 8, 2, null, null, "mlp", "djl", null));
    assertThat(plan.evalSets()).containsExactly("literature", "code");
    assertThat(plan.distributions())
        .containsExactly(
            new MixtureSpec("lit", Map.of("code", 0.25, "literature", 0.75), null),
            new MixtureSpec("subset-0", null, List.of("digit-1", "digit-7")));
    assertThat(plan.scaleNames()).containsExactly("xs", "w8");
    assertThat(plan.distributionNames()).containsExactly("lit", "subset-0");
  }

  @Test
  void theRecordWritesTheStoredShapeBackWithEachScalesTrainer() throws Exception {
    PlanSummary plan = documents.plan(storedWith(STORED));
    var expected = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(STORED);
    expected
        .withArray("scales")
        .forEach(
            scale ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) scale)
                    .put("trainer", "djl")
                    .putNull("options"));
    assertThat(json.readTree(documents.write(plan))).isEqualTo(expected);
  }

  @Test
  void theTrainersOfAStudyReadBackAsTheyWereSnapshotted() {
    TrainerRef pytorch =
        new TrainerRef(
            "pytorch",
            List.of("/opt/t", "--fast"),
            List.of("lm"),
            true,
            1L << 33,
            60,
            new TrainerRef.KubernetesTarget("img:1", 1, "gpu"));
    Study study =
        new Study(
            UUID.randomUUID(),
            "new",
            "{}",
            STORED,
            documents.write(Map.of("pytorch", pytorch)),
            "xs",
            4,
            1L,
            Instant.EPOCH);
    assertThat(documents.trainers(study)).containsExactly(Map.entry("pytorch", pytorch));
    assertThat(documents.trainers(storedWith(STORED))).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnoredAndMissingOnesReadAsNull() {
    PlanSummary plan =
        documents.plan(storedWith("{\"evalSets\": [\"code\"], \"rows\": 12, \"seeds\": [4]}"));
    assertThat(plan.evalSets()).containsExactly("code");
    assertThat(plan.seeds()).containsExactly(4L);
    assertThat(plan.scales()).isNull();
    assertThat(plan.distributions()).isNull();
  }
}
