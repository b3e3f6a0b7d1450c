package io.s2l.experiment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyCallbacks;
import io.s2l.experiment.study.StudyDocuments;
import io.s2l.experiment.study.StudyRepository;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.study.AttributionSpec;
import io.s2l.study.JobKinds;
import io.s2l.study.MixtureRecommendationSpec;
import io.s2l.study.StudyDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class StudyTrackerTest {

  final PipelineFixture fixture = new PipelineFixture();
  final ScaleCorrelationPipeline correlation =
      new ScaleCorrelationPipeline(fixture.jobs, fixture.json, fixture.clock);
  final AttributionPipeline attribution =
      new AttributionPipeline(fixture.jobs, fixture.json, fixture.clock);
  final MixturePipeline mixture = new MixturePipeline(fixture.jobs, fixture.json, fixture.clock);
  final StudyTracker tracker =
      new StudyTracker(null, null, List.of(correlation, attribution, mixture), null, null);

  static StudyDefinition study(AttributionSpec attribution, MixtureRecommendationSpec mixture) {
    return new StudyDefinition(
        "kind",
        null,
        null,
        null,
        List.of(),
        "s",
        1.0,
        List.of(0L),
        null,
        null,
        attribution,
        null,
        mixture);
  }

  @Test
  void everyStudyKindGoesToTheOnePipelineOfItsKind() {
    AttributionSpec trak = new AttributionSpec(1, 8, null, null, null, null, null);
    MixtureRecommendationSpec recommend = new MixtureRecommendationSpec("code", null, null, null);
    assertThat(tracker.pipelineFor(study(null, null))).isSameAs(correlation);
    assertThat(tracker.pipelineFor(study(trak, null))).isSameAs(attribution);
    assertThat(tracker.pipelineFor(study(null, recommend))).isSameAs(mixture);
    // refused at submission; an attribution study's stages win as they always did
    assertThat(tracker.pipelineFor(study(trak, recommend))).isSameAs(attribution);
  }

  @Test
  void aStudyNoPipelineRunsIsAnError() {
    StudyTracker correlationOnly = new StudyTracker(null, null, List.of(correlation), null, null);
    assertThatThrownBy(
            () ->
                correlationOnly.pipelineFor(
                    study(null, new MixtureRecommendationSpec("code", null, null, null))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 pipelines");
  }

  @Test
  void everyActiveStudyIsReconciledByItsPipelineAndAnUnreadableOneStopsNoOther() {
    ActiveStudy correlationStudy =
        fixture.submit(
            new StudyDefinition(
                "correlation",
                null,
                PipelineFixture.MIXTURES,
                null,
                PipelineFixture.LM_SCALES,
                "s",
                2.0,
                List.of(0L),
                null,
                null),
            PipelineFixture.TEXT);
    Study good = correlationStudy.study();
    Study unreadable =
        new Study(UUID.randomUUID(), "unreadable", "{\"name\": [", "{}", "s", 1, 1L, Instant.EPOCH);
    StudyRepository studies = mock(StudyRepository.class);
    when(studies.findByStatusIn(any())).thenReturn(List.of(unreadable, good));
    when(studies.findLockedById(unreadable.id())).thenReturn(Optional.of(unreadable));
    when(studies.findLockedById(good.id())).thenReturn(Optional.of(good));
    StudyTracker running =
        new StudyTracker(
            studies,
            new StudyDocuments(fixture.json),
            List.of(correlation, attribution, mixture),
            new TransactionTemplate(mock(PlatformTransactionManager.class)),
            mock(StudyCallbacks.class));

    fixture.jobs.succeedAll(good.id(), JobKinds.TRAIN);
    running.reconcileAll();

    assertThat(unreadable.status()).isEqualTo(StudyStatus.QUEUED);
    assertThat(good.status()).isEqualTo(StudyStatus.ANALYZING);
    assertThat(fixture.jobs.queued(good.id(), JobKinds.ANALYZE)).hasSize(1);
  }
}
