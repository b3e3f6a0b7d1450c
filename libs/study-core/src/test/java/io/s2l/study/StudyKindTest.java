package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyKindTest {

  private static final AttributionSpec ATTRIBUTION =
      new AttributionSpec(2, 64, null, null, null, null, null);
  private static final SelectionSpec SELECTION = new SelectionSpec(100, null, null, null);
  private static final MixtureRecommendationSpec MIXTURE =
      new MixtureRecommendationSpec("quiz", null, null, null);

  private static StudyDefinition study(
      AttributionSpec attribution, SelectionSpec selection, MixtureRecommendationSpec mixture) {
    return new StudyDefinition(
        "s",
        null,
        List.of(),
        null,
        List.of(),
        "m",
        2.0,
        List.of(0L),
        null,
        null,
        attribution,
        selection,
        mixture);
  }

  @Test
  void theBlocksOfADefinitionDecideItsKind() {
    assertThat(StudyKind.of(study(null, null, null))).isEqualTo(StudyKind.SCALE_CORRELATION);
    assertThat(StudyKind.of(study(ATTRIBUTION, null, null))).isEqualTo(StudyKind.ATTRIBUTION);
    assertThat(StudyKind.of(study(ATTRIBUTION, SELECTION, null))).isEqualTo(StudyKind.SELECTION);
    assertThat(StudyKind.of(study(null, null, MIXTURE))).isEqualTo(StudyKind.MIXTURE);
  }

  @Test
  void aKindIsFoundByTheNameOfItsResult() {
    for (StudyKind kind : StudyKind.values()) {
      assertThat(StudyKind.byLabel(kind.label())).isSameAs(kind);
    }
    assertThat(StudyKind.byLabel("scale-correlation")).isEqualTo(StudyKind.SCALE_CORRELATION);
    assertThat(StudyKind.byLabel("SELECTION")).isNull();
  }

  @Test
  void theDefaultsAreWhatTheRecordsApplyToLeftOutFields() {
    StudyDefaults defaults = StudyDefaults.current();
    assertThat(defaults.training())
        .isEqualTo(new TrainingSettings(null, null, null, null, null, null, null).withDefaults());
    assertThat(defaults.selection().randomDraws()).isEqualTo(SELECTION.randomDrawsOrDefault());
    assertThat(defaults.recommendMixture().topK()).isEqualTo(MIXTURE.topKOrDefault());
    assertThat(defaults.attribution().checkpoints()).isEqualTo(1);
    assertThat(defaults.trainer())
        .isEqualTo(study(null, null, null).trainerOf(new ModelScale("m", 16, 1, 2, 32)));
  }
}
