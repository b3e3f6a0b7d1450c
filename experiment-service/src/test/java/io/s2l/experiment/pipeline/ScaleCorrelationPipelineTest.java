package io.s2l.experiment.pipeline;

import static io.s2l.experiment.pipeline.PipelineFixture.LM_SCALES;
import static io.s2l.experiment.pipeline.PipelineFixture.MIXTURES;
import static io.s2l.experiment.pipeline.PipelineFixture.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainerRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleCorrelationPipelineTest {

  final PipelineFixture fixture = new PipelineFixture();
  final ScaleCorrelationPipeline pipeline =
      new ScaleCorrelationPipeline(fixture.jobs, fixture.json, fixture.clock);
  final StudyDefinition definition =
      new StudyDefinition(
          "correlation", null, MIXTURES, null, LM_SCALES, "s", 2.0, List.of(0L, 1L), null, null);
  final ActiveStudy active = fixture.submit(definition, TEXT);
  final Study study = active.study();

  @Test
  void aStudyStaysQueuedUntilAWorkerClaimsItsFirstJobThenTrains() {
    Instant submitted = study.updatedAt();
    fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.QUEUED);
    assertThat(study.updatedAt()).isEqualTo(submitted);

    fixture.jobs.claim(study.id(), JobKinds.TRAIN, "xs/lit/0");
    Instant claimed = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.TRAINING);
    assertThat(study.updatedAt()).isEqualTo(claimed);
  }

  @Test
  void everyModelTrainedQueuesTheAnalysisOnceAndTheStudyAnalyzes() {
    assertThat(study.jobsTotal()).isEqualTo(2 * 3 * 2);
    fixture.jobs.claim(study.id(), JobKinds.TRAIN, "s/half/1");
    pipeline.reconcile(active);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.ANALYZE)).isEmpty();

    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    Instant trained = fixture.later();
    pipeline.reconcile(active);
    fixture.later();
    pipeline.reconcile(active);

    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);
    assertThat(study.updatedAt()).isEqualTo(trained);
    var analyses = fixture.jobs.queued(study.id(), JobKinds.ANALYZE);
    assertThat(analyses).hasSize(1);
    assertThat(analyses.get(0).key()).isEqualTo("scale-correlation");
    AnalysisJobSpec spec = fixture.read(analyses.get(0), AnalysisJobSpec.class);
    assertThat(spec.studyId()).isEqualTo(study.id());
    assertThat(spec.source()).isEqualTo(AnalysisJobSpec.SOURCE_TRAINING);
    assertThat(spec.referenceScale()).isEqualTo("s");
    assertThat(spec.scales()).containsExactly("xs", "s");
    assertThat(spec.distributions()).containsExactly("lit", "code", "half");
    assertThat(spec.evalSets()).containsExactly("literature", "code", "web");
    assertThat(spec.seeds()).containsExactly(0L, 1L);
  }

  @Test
  void theAnalysisSucceedingCompletesTheStudy() {
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);

    fixture.jobs.succeedAll(study.id(), JobKinds.ANALYZE);
    Instant analysed = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.COMPLETED);
    assertThat(study.updatedAt()).isEqualTo(analysed);
    assertThat(study.failure()).isNull();
  }

  @Test
  void aTrainingJobFailedForGoodFailsTheStudyWithItsError() {
    fixture.jobs.claim(study.id(), JobKinds.TRAIN, "xs/code/0");
    pipeline.reconcile(active);
    fixture.jobs.fail(study.id(), JobKinds.TRAIN, "xs/code/0", "out of memory");
    Instant failed = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.FAILED);
    assertThat(study.failure()).isEqualTo("training job failed: xs/code/0: out of memory");
    assertThat(study.updatedAt()).isEqualTo(failed);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.ANALYZE)).isEmpty();
  }

  @Test
  void aFailedAnalysisFailsTheStudy() {
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    fixture.jobs.fail(study.id(), JobKinds.ANALYZE, "scale-correlation", "singular matrix");
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.FAILED);
    assertThat(study.failure()).isEqualTo("analysis failed: scale-correlation: singular matrix");
  }

  @Test
  void modelsOfBothTrainingKindsAreWaitedForAndTheirFailuresFailTheStudy() {
    TrainerRef cluster =
        new TrainerRef(
            "cluster",
            List.of("/opt/train"),
            List.of("lm"),
            false,
            0,
            600,
            new TrainerRef.KubernetesTarget("img", 0, null));
    StudyDefinition mixed =
        new StudyDefinition(
            "mixed",
            null,
            MIXTURES,
            null,
            List.of(LM_SCALES.get(0), LM_SCALES.get(1).withTrainer("cluster")),
            "s",
            2.0,
            List.of(0L),
            null,
            null);
    ActiveStudy submitted = fixture.submit(mixed, TEXT, Map.of("cluster", cluster));
    Study s = submitted.study();
    assertThat(fixture.jobs.queued(s.id(), JobKinds.TRAIN)).hasSize(3);
    assertThat(fixture.jobs.queued(s.id(), JobKinds.TRAIN_KUBERNETES)).hasSize(3);

    fixture.jobs.claim(s.id(), JobKinds.TRAIN_KUBERNETES, "s/lit/0");
    fixture.jobs.succeedAll(s.id(), JobKinds.TRAIN);
    pipeline.reconcile(submitted);
    assertThat(s.status()).isEqualTo(StudyStatus.TRAINING);
    assertThat(fixture.jobs.queued(s.id(), JobKinds.ANALYZE)).isEmpty();

    fixture.jobs.fail(s.id(), JobKinds.TRAIN_KUBERNETES, "s/lit/0", "pod evicted");
    pipeline.reconcile(submitted);
    assertThat(s.status()).isEqualTo(StudyStatus.FAILED);
    assertThat(s.failure()).isEqualTo("training job failed: s/lit/0: pod evicted");
  }

  @Test
  void theAnalysisWaitsForTheKubernetesModelsToo() {
    TrainerRef cluster =
        new TrainerRef(
            "cluster",
            List.of("/t"),
            List.of("lm"),
            true,
            0,
            600,
            new TrainerRef.KubernetesTarget("img", 1, "q"));
    StudyDefinition remote =
        new StudyDefinition(
            "remote",
            null,
            MIXTURES,
            null,
            LM_SCALES,
            "s",
            2.0,
            List.of(0L),
            null,
            null,
            null,
            null,
            null,
            "cluster");
    ActiveStudy submitted = fixture.submit(remote, TEXT, Map.of("cluster", cluster));
    Study s = submitted.study();
    assertThat(fixture.jobs.queued(s.id(), JobKinds.TRAIN)).isEmpty();
    fixture.jobs.succeedAll(s.id(), JobKinds.TRAIN_KUBERNETES);
    pipeline.reconcile(submitted);
    assertThat(s.status()).isEqualTo(StudyStatus.ANALYZING);
    assertThat(fixture.jobs.queued(s.id(), JobKinds.ANALYZE)).hasSize(1);
  }
}
