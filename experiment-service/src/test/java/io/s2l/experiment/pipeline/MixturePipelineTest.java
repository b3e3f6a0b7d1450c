package io.s2l.experiment.pipeline;

import static io.s2l.experiment.pipeline.PipelineFixture.LM_SCALES;
import static io.s2l.experiment.pipeline.PipelineFixture.MIXTURES;
import static io.s2l.experiment.pipeline.PipelineFixture.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureJobSpec;
import io.s2l.study.MixtureRecommendationSpec;
import io.s2l.study.MixtureSpec;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainerRef;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.study.VerifyJobSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixturePipelineTest {

  final PipelineFixture fixture = new PipelineFixture();
  final MixturePipeline pipeline = new MixturePipeline(fixture.jobs, fixture.json, fixture.clock);
  final StudyDefinition definition =
      new StudyDefinition(
          "mixture",
          null,
          MIXTURES,
          null,
          LM_SCALES,
          "s",
          2.0,
          List.of(3L),
          List.of("code", "web"),
          null,
          null,
          null,
          new MixtureRecommendationSpec("code", 100, 1, 0L));
  final ActiveStudy active = fixture.submit(definition, TEXT);
  final Study study = active.study();

  @Test
  void everyProxyTrainedQueuesTheRecommendationOnce() {
    // only the proxies train at first: the reference trains on the recommendations
    assertThat(fixture.jobs.queued(study.id(), JobKinds.TRAIN))
        .extracting(NewJob::key)
        .containsExactly("xs/lit/3", "xs/code/3", "xs/half/3");
    fixture.jobs.claim(study.id(), JobKinds.TRAIN, "xs/lit/3");
    Instant claimed = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.TRAINING);
    assertThat(study.updatedAt()).isEqualTo(claimed);

    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    Instant trained = fixture.later();
    pipeline.reconcile(active);
    fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);
    assertThat(study.updatedAt()).isEqualTo(trained);
    List<NewJob> recommendations = fixture.jobs.queued(study.id(), JobKinds.RECOMMEND);
    assertThat(recommendations).extracting(NewJob::key).containsExactly("mixture-recommendation");
    MixtureJobSpec spec = fixture.read(recommendations.get(0), MixtureJobSpec.class);
    assertThat(spec.reference().name()).isEqualTo("s");
    assertThat(spec.proxyScales()).containsExactly("xs");
    assertThat(spec.evalSets()).containsExactly("code", "web");
    assertThat(spec.training()).isEqualTo(TrainingSettings.DEFAULTS);
    assertThat(spec.seeds()).containsExactly(3L);
    assertThat(spec.referenceTrainer()).isNull();
  }

  @Test
  void theRecommendationCarriesTheReferenceTrainerAsTheStudyWasSubmittedWithIt() {
    TrainerRef pytorch =
        new TrainerRef("pytorch", List.of("/opt/t"), List.of("lm"), true, 1L << 32, 60, null);
    StudyDefinition external =
        new StudyDefinition(
            "mixture",
            null,
            MIXTURES,
            null,
            List.of(LM_SCALES.get(0).withTrainer("djl"), LM_SCALES.get(1)),
            "s",
            2.0,
            List.of(3L),
            List.of("code", "web"),
            null,
            null,
            null,
            new MixtureRecommendationSpec("code", 100, 1, 0L),
            "pytorch");
    ActiveStudy submitted = fixture.submit(external, TEXT, Map.of("pytorch", pytorch));
    Study s = submitted.study();
    // the proxies are the built-in trainer's; only the reference, queued later, is pytorch's
    assertThat(fixture.jobs.queued(s.id(), JobKinds.TRAIN))
        .allSatisfy(j -> assertThat(fixture.read(j, TrainingJobSpec.class).trainer()).isNull());
    fixture.jobs.succeedAll(s.id(), JobKinds.TRAIN);
    pipeline.reconcile(submitted);
    MixtureJobSpec spec =
        fixture.read(fixture.jobs.queued(s.id(), JobKinds.RECOMMEND).get(0), MixtureJobSpec.class);
    assertThat(spec.referenceTrainer()).isEqualTo(pytorch);
    assertThat(spec.reference().name()).isEqualTo("s");
  }

  @Test
  void theVerificationIsQueuedOnceItsModelsAreTrainedAndItsSuccessCompletes() {
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    fixture.jobs.succeedAll(study.id(), JobKinds.RECOMMEND);
    // the recommendation job queues the reference models that verify its mixtures
    fixture.jobs.enqueue(List.of(referenceModel("recommended-linear-xs")));
    pipeline.reconcile(active);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.VERIFY)).isEmpty();
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);

    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    pipeline.reconcile(active);
    List<NewJob> verifications = fixture.jobs.queued(study.id(), JobKinds.VERIFY);
    assertThat(verifications).extracting(NewJob::key).containsExactly("mixture-verification");
    assertThat(fixture.read(verifications.get(0), VerifyJobSpec.class).subject())
        .isEqualTo(VerifyJobSpec.MIXTURE);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);

    fixture.jobs.succeedAll(study.id(), JobKinds.VERIFY);
    Instant verified = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.COMPLETED);
    assertThat(study.updatedAt()).isEqualTo(verified);
  }

  @Test
  void aFailedRecommendationFailsTheStudy() {
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    fixture.jobs.fail(study.id(), JobKinds.RECOMMEND, "mixture-recommendation", "no mixtures");
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.FAILED);
    assertThat(study.failure())
        .isEqualTo("recommend job failed: mixture-recommendation: no mixtures");
  }

  @Test
  void aRecommendationCommittingBetweenTwoReadsQueuesNoVerificationBeforeItsModels() {
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);
    // Each read sees the queue as it is then, as each statement of a READ COMMITTED transaction
    // does: the recommendation commits, with the reference models it queues, after the pipeline
    // checked for failures and read the training counts, just before it asks whether the
    // recommendation succeeded.
    StudyJobs racing =
        new StudyJobs() {
          int recommendationReads;

          @Override
          public io.s2l.queue.JobCounts counts(java.util.UUID id, List<String> kinds) {
            if (kinds.equals(List.of(JobKinds.RECOMMEND)) && ++recommendationReads == 2) {
              fixture.jobs.succeedAll(id, JobKinds.RECOMMEND);
              fixture.jobs.enqueue(List.of(referenceModel("recommended-linear-xs")));
            }
            return fixture.jobs.counts(id, kinds);
          }

          @Override
          public java.util.Optional<String> firstFailure(java.util.UUID id, List<String> kinds) {
            return fixture.jobs.firstFailure(id, kinds);
          }

          @Override
          public List<QueuedJob> jobs(java.util.UUID id, List<String> kinds) {
            return fixture.jobs.jobs(id, kinds);
          }

          @Override
          public void enqueue(List<NewJob> jobs) {
            fixture.jobs.enqueue(jobs);
          }

          @Override
          public void enqueueAbsent(List<NewJob> jobs) {
            fixture.jobs.enqueueAbsent(jobs);
          }
        };
    new MixturePipeline(racing, fixture.json, fixture.clock).reconcile(active);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.VERIFY)).isEmpty();
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);
  }

  private NewJob referenceModel(String distribution) {
    return fixture.trainingJob(
        study,
        new TrainingJobSpec(
            "builtin",
            LM_SCALES.get(1),
            new MixtureSpec(distribution, Map.of("code", 1.0)),
            3,
            2.0,
            List.of("code", "web"),
            TrainingSettings.DEFAULTS));
  }
}
