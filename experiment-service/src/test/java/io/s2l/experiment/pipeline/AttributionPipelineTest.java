package io.s2l.experiment.pipeline;

import static io.s2l.experiment.pipeline.PipelineFixture.IMAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.NewJob;
import io.s2l.study.AttributionJobSpec;
import io.s2l.study.AttributionSpec;
import io.s2l.study.DomainCatalog;
import io.s2l.study.FeaturizeJobSpec;
import io.s2l.study.GeneratedMixtures;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.SelectionSpec;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import io.s2l.study.VerifyJobSpec;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AttributionPipelineTest {

  static final List<ModelScale> SCALES =
      List.of(
          new ModelScale("w4", 4, 2, null, null, "mlp"),
          new ModelScale("w16", 16, 2, null, null, "mlp"));

  final PipelineFixture fixture = new PipelineFixture();
  final AttributionPipeline pipeline =
      new AttributionPipeline(fixture.jobs, fixture.json, fixture.clock);

  static StudyDefinition study(SelectionSpec selection) {
    return new StudyDefinition(
        "attribution",
        "digits",
        null,
        new GeneratedMixtures(null, null, new GeneratedMixtures.RandomSubsets(3, 0.5, 3L)),
        SCALES,
        "w16",
        null,
        List.of(0L),
        null,
        null,
        new AttributionSpec(2, 32, 5L, 0.01, false, 10, false),
        selection,
        null);
  }

  @Test
  void eachTrainedPoolModelIsFeaturisedOnceAsSoonAsItIsTrained() {
    ActiveStudy active = fixture.submit(study(null), IMAGES);
    Study study = active.study();
    fixture.jobs.claim(study.id(), JobKinds.TRAIN, "w4/pool/0");
    Instant claimed = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.TRAINING);
    assertThat(study.updatedAt()).isEqualTo(claimed);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.FEATURIZE)).isEmpty();

    fixture.jobs.succeed(study.id(), JobKinds.TRAIN, "w4/pool/0");
    pipeline.reconcile(active);
    pipeline.reconcile(active);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.FEATURIZE))
        .extracting(NewJob::key)
        .containsExactly("features/w4/pool/0/train/k32/seed5", "features/w4/pool/0/test/k32/seed5");

    fixture.jobs.succeed(study.id(), JobKinds.TRAIN, "w16/pool/1");
    pipeline.reconcile(active);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.FEATURIZE)).hasSize(4);
    assertThat(study.status()).isEqualTo(StudyStatus.TRAINING);
  }

  @Test
  void aTextStudyFeaturisesEveryCheckpointOfEachPoolModelOnItsTargetSet() {
    List<String> documents = IntStream.range(0, 12).mapToObj(i -> "doc-" + i).toList();
    DomainCatalog corpus =
        PipelineFixture.catalog(
            List.of("literature", "code"),
            List.of("quiz", "grammar"),
            DomainCatalog.TEXT,
            documents);
    StudyDefinition text =
        new StudyDefinition(
            "text attribution",
            null,
            null,
            new GeneratedMixtures(null, null, new GeneratedMixtures.RandomSubsets(2, 0.5, 3L)),
            PipelineFixture.LM_SCALES,
            "s",
            1.0,
            List.of(0L),
            null,
            null,
            new AttributionSpec(1, 32, 5L, 0.01, false, 4, false, 3, "grammar", 8, 1L),
            null,
            null);
    ActiveStudy active = fixture.submit(text, corpus);
    Study study = active.study();
    fixture.jobs.succeed(study.id(), JobKinds.TRAIN, "xs/pool/0");
    pipeline.reconcile(active);

    List<NewJob> features = fixture.jobs.queued(study.id(), JobKinds.FEATURIZE);
    assertThat(features)
        .extracting(NewJob::key)
        .containsExactly(
            "features/xs/pool/0/train/k32/seed5",
            "features/xs/pool/0/test/k32/seed5",
            "features/xs/pool/0/train/k32/seed5/checkpoint1",
            "features/xs/pool/0/test/k32/seed5/checkpoint1",
            "features/xs/pool/0/train/k32/seed5/checkpoint2",
            "features/xs/pool/0/test/k32/seed5/checkpoint2");
    assertThat(features)
        .extracting(job -> fixture.read(job, FeaturizeJobSpec.class))
        .extracting(FeaturizeJobSpec::checkpoint, FeaturizeJobSpec::targetSet)
        .containsExactly(
            tuple(null, "grammar"),
            tuple(null, "grammar"),
            tuple(1, "grammar"),
            tuple(1, "grammar"),
            tuple(2, "grammar"),
            tuple(2, "grammar"));

    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.FEATURIZE))
        .hasSize(text.attribution().featurisationJobs(2));
    fixture.jobs.succeedAll(study.id(), JobKinds.FEATURIZE);
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);
  }

  @Test
  void everyModelTrainedAndFeaturisedQueuesTheAttributionOnceThenCompletes() {
    ActiveStudy active = fixture.submit(study(null), IMAGES);
    Study study = active.study();
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.TRAINING); // no features yet

    List<NewJob> features = fixture.jobs.queued(study.id(), JobKinds.FEATURIZE);
    assertThat(features).hasSize(2 * 2 * 2); // scales x models x (pool, test set)
    FeaturizeJobSpec first = fixture.read(features.get(0), FeaturizeJobSpec.class);
    assertThat(first.runKey()).isEqualTo("w4/pool/0");
    assertThat(first.examples()).isEqualTo(FeaturizeJobSpec.TRAIN);
    assertThat(first.dimension()).isEqualTo(32);
    assertThat(first.projectionSeed()).isEqualTo(5L);

    fixture.jobs.succeedAll(study.id(), JobKinds.FEATURIZE);
    Instant featurised = fixture.later();
    pipeline.reconcile(active);
    fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);
    assertThat(study.updatedAt()).isEqualTo(featurised);
    List<NewJob> attributions = fixture.jobs.queued(study.id(), JobKinds.ATTRIBUTE);
    assertThat(attributions).hasSize(1);
    AttributionJobSpec spec = fixture.read(attributions.get(0), AttributionJobSpec.class);
    assertThat(spec.scales()).containsExactly("w4", "w16");
    assertThat(spec.groundTruthRuns())
        .containsExactly("w16/subset-0/0", "w16/subset-1/0", "w16/subset-2/0");

    fixture.jobs.succeedAll(study.id(), JobKinds.ATTRIBUTE);
    Instant attributed = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.COMPLETED);
    assertThat(study.updatedAt()).isEqualTo(attributed);
  }

  @Test
  void aSelectionStudyCompletesWhenItsVerificationModelsAndJobSucceed() {
    ActiveStudy active = fixture.submit(study(new SelectionSpec(5, null, 1, 0L)), IMAGES);
    Study study = active.study();
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    fixture.jobs.succeedAll(study.id(), JobKinds.FEATURIZE);
    pipeline.reconcile(active);
    fixture.jobs.succeedAll(study.id(), JobKinds.ATTRIBUTE);
    // the attribution job queues the reference models trained on the selections
    fixture.jobs.enqueue(
        List.of(verificationModel(study, "dsdm-w4"), verificationModel(study, "random-0")));
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);
    assertThat(fixture.jobs.queued(study.id(), JobKinds.VERIFY)).isEmpty();

    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    pipeline.reconcile(active);
    List<NewJob> verifications = fixture.jobs.queued(study.id(), JobKinds.VERIFY);
    assertThat(verifications).hasSize(1);
    assertThat(verifications.get(0).key()).isEqualTo("verification");
    assertThat(fixture.read(verifications.get(0), VerifyJobSpec.class).subject())
        .isEqualTo(VerifyJobSpec.SELECTION);
    assertThat(study.status()).isEqualTo(StudyStatus.ANALYZING);

    fixture.jobs.succeedAll(study.id(), JobKinds.VERIFY);
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.COMPLETED);
  }

  @Test
  void aFeaturisationFailedForGoodFailsTheStudy() {
    ActiveStudy active = fixture.submit(study(null), IMAGES);
    Study study = active.study();
    fixture.jobs.succeedAll(study.id(), JobKinds.TRAIN);
    pipeline.reconcile(active);
    String key = fixture.jobs.queued(study.id(), JobKinds.FEATURIZE).get(1).key();
    fixture.jobs.fail(study.id(), JobKinds.FEATURIZE, key, "no gradient");
    Instant failed = fixture.later();
    pipeline.reconcile(active);
    assertThat(study.status()).isEqualTo(StudyStatus.FAILED);
    assertThat(study.failure()).isEqualTo("featurize job failed: " + key + ": no gradient");
    assertThat(study.updatedAt()).isEqualTo(failed);
  }

  private NewJob verificationModel(Study study, String distribution) {
    return fixture.trainingJob(
        study,
        new TrainingJobSpec(
            "digits",
            SCALES.get(1),
            new MixtureSpec(distribution, null, List.of("digit-1", "digit-2")),
            0,
            null,
            List.of("images/digits-test"),
            TrainingSettings.DEFAULTS));
  }
}
