package io.s2l.experiment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.study.AttributionSpec;
import io.s2l.study.MixtureRecommendationSpec;
import io.s2l.study.StudyDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyTrackerTest {

  final PipelineFixture fixture = new PipelineFixture();
  final ScaleCorrelationPipeline correlation =
      new ScaleCorrelationPipeline(fixture.jobs, fixture.json, fixture.clock);
  final AttributionPipeline attribution =
      new AttributionPipeline(fixture.jobs, fixture.json, fixture.clock);
  final MixturePipeline mixture = new MixturePipeline(fixture.jobs, fixture.json, fixture.clock);
  final StudyTracker tracker =
      new StudyTracker(null, null, List.of(correlation, attribution, mixture), null);

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
    StudyTracker correlationOnly = new StudyTracker(null, null, List.of(correlation), null);
    assertThatThrownBy(
            () ->
                correlationOnly.pipelineFor(
                    study(null, new MixtureRecommendationSpec("code", null, null, null))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 pipelines");
  }
}
