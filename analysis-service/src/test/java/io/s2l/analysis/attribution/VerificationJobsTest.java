package io.s2l.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.analysis.GoldenDocuments;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.ResourceEstimate;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reference models that verify selections are trained as the reference's first models were. */
class VerificationJobsTest {

  static final UUID STUDY = UUID.fromString("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
  static final List<String> POOL = List.of("d-0", "d-1", "d-2", "d-3");
  static final List<SelectionCandidate> SELECTIONS =
      List.of(
          new SelectionCandidate("dsdm-w4", "dsdm", "w4", 16.0, 0.7, new int[] {3, 1}, 2),
          new SelectionCandidate("random-0", "random", null, null, null, new int[] {0, 2}, 2));

  static TrainingJobSpec reference(TrainerRef trainer) {
    return new TrainingJobSpec(
            "digits",
            new ModelScale("w16", 16, 2, null, null, "mlp"),
            new MixtureSpec("pool", null, POOL),
            0,
            null,
            List.of("images/digits-test"),
            TrainingSettings.DEFAULTS.withDefaults())
        .withTrainer(trainer);
  }

  private static TrainingJobSpec payload(NewJob job) throws Exception {
    return GoldenDocuments.JSON.readValue(job.payloadJson(), TrainingJobSpec.class);
  }

  @Test
  void theBuiltinReferenceQueuesBuiltinJobsOnEachSelectionAndSeed() throws Exception {
    List<NewJob> jobs =
        VerificationJobs.of(
            STUDY,
            reference(null),
            "images/digits-test",
            SELECTIONS,
            List.of(0L, 1L),
            POOL,
            GoldenDocuments.JSON);
    assertThat(jobs)
        .extracting(NewJob::key)
        .containsExactly("w16/dsdm-w4/0", "w16/dsdm-w4/1", "w16/random-0/0", "w16/random-0/1");
    for (NewJob job : jobs) {
      assertThat(job.kind()).isEqualTo(JobKinds.TRAIN);
      assertThat(job.requiresGpu()).isFalse();
      assertThat(job.minMemoryBytes()).isEqualTo(ResourceEstimate.BASE_BYTES);
      assertThat(payload(job).trainer()).isNull();
    }
    assertThat(payload(jobs.get(0)).distribution().subset()).containsExactly("d-3", "d-1");
    assertThat(payload(jobs.get(0)).evalSets()).containsExactly("images/digits-test");
  }

  @Test
  void aTextReferenceAlsoEvaluatesOnTheTargetSet() throws Exception {
    NewJob job =
        VerificationJobs.of(
                STUDY, reference(null), "quiz", SELECTIONS, List.of(0L), POOL, GoldenDocuments.JSON)
            .get(0);
    assertThat(payload(job).evalSets()).containsExactly("images/digits-test", "quiz");
    assertThat(payload(job).snapshots()).isNull();
  }

  @Test
  void aReferenceOfAnExternalTrainerQueuesItsSnapshotWithItsKindGpuAndMemory() throws Exception {
    TrainerRef cluster =
        new TrainerRef(
            "cluster",
            List.of("/opt/train"),
            List.of("mlp"),
            true,
            6L << 30,
            300,
            new TrainerRef.KubernetesTarget("registry.example/t:1", 1, "gpu"));
    List<NewJob> jobs =
        VerificationJobs.of(
            STUDY,
            reference(cluster),
            "images/digits-test",
            SELECTIONS,
            List.of(0L),
            POOL,
            GoldenDocuments.JSON);
    assertThat(jobs).hasSize(2);
    for (NewJob job : jobs) {
      assertThat(job.kind()).isEqualTo(JobKinds.TRAIN_KUBERNETES);
      // its pod gets GPU and memory from the cluster; the dispatcher that claims it needs neither
      assertThat(job.requiresGpu()).isFalse();
      assertThat(job.minMemoryBytes()).isZero();
      assertThat(payload(job).trainer()).isEqualTo(cluster);
    }

    TrainerRef local =
        new TrainerRef("torch", List.of("/opt/t"), List.of("mlp"), false, 0, 60, null);
    NewJob job =
        VerificationJobs.of(
                STUDY,
                reference(local),
                "images/digits-test",
                SELECTIONS,
                List.of(0L),
                POOL,
                GoldenDocuments.JSON)
            .get(0);
    assertThat(job.kind()).isEqualTo(JobKinds.TRAIN);
    assertThat(job.requiresGpu()).isFalse();
    assertThat(job.minMemoryBytes()).isEqualTo(ResourceEstimate.BASE_BYTES);
    assertThat(payload(job).trainer()).isEqualTo(local);
  }
}
