package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixtureRecommendationSpecTest {

  private static List<FieldError> errors(MixtureRecommendationSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    spec.validate(StudyValidatorTest.valid(), StudyValidatorTest.CATALOG, 10, errors);
    return errors;
  }

  @Test
  void theDefaultsAverageTheTopHundredAndTrainFiveRandomMixtures() {
    MixtureRecommendationSpec defaults =
        new MixtureRecommendationSpec("heldout/a", null, null, null);
    assertThat(defaults.topKOrDefault()).isEqualTo(100);
    assertThat(defaults.randomMixturesOrDefault()).isEqualTo(5);
    assertThat(defaults.candidatesOrDefault()).isEqualTo(10_000);
    // two regressions per proxy scale and five random mixtures, per seed
    assertThat(defaults.verificationJobs(2, 3)).isEqualTo((2 * 2 + 5) * 3);
    assertThat(errors(defaults)).isEmpty();
    assertThat(new SelectionSpec(10, null, null, null).randomDrawsOrDefault()).isEqualTo(5);
  }

  @Test
  void topKIsBoundedByOneAndByTheCandidates() {
    assertThat(errors(new MixtureRecommendationSpec("heldout/a", 500, null, null, 500))).isEmpty();
    assertThat(errors(new MixtureRecommendationSpec("heldout/a", 500, null, null, 501)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("recommendMixture.topK");
              assertThat(e.reason()).contains("500");
            });
    assertThat(errors(new MixtureRecommendationSpec("heldout/a", null, null, null, 0)))
        .extracting(FieldError::field)
        .containsExactly("recommendMixture.topK");
  }
}
