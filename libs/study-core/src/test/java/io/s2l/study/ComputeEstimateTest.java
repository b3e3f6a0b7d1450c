package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The compute estimates behind the daily compute budget, against hand-worked closed forms. */
class ComputeEstimateTest {

  static final ImageGeometry DIGITS_LIKE = new ImageGeometry(8, 8, 1, 10, 25);

  static TrainingJobSpec lm(ModelScale scale, double tokensPerParam, int batch) {
    return new TrainingJobSpec(
        "builtin",
        scale,
        new MixtureSpec("m", Map.of("code", 1.0)),
        0,
        tokensPerParam,
        List.of(),
        new TrainingSettings(batch, null, null, null, null));
  }

  static TrainingJobSpec classifier(ModelScale scale, int examples, Integer epochs) {
    return new TrainingJobSpec(
        "digits",
        scale,
        new MixtureSpec("s", null, IntStream.range(0, examples).mapToObj(i -> "d" + i).toList()),
        0,
        null,
        List.of(),
        new TrainingSettings(null, null, null, null, null, null, epochs));
  }

  @Test
  void aLanguageModelCosts6NDWithTheTokensRoundedUpToWholeSteps() {
    // N = 2 (12 x 64^2 + 13 x 64) + 2 x 64 = 100096; budget ceil(20.5 N) = 2051968 tokens, in
    // steps of 16 x 32 = 512 tokens: 4008 steps, 2052096 tokens
    TrainingJobSpec job = lm(new ModelScale("s", 64, 2, 4, 32), 20.5, 16);
    assertThat(ComputeEstimate.training(job, null)).isEqualTo(6.0 * 100096 * 2052096);
  }

  @Test
  void aLargeModelAtAThousandTokensPerParameterIsFiniteAndPastWhatALongHolds() {
    // N = 48 (12 x 2048^2 + 13 x 2048) + 2 x 2048 = 2417201152; 1000 N tokens are whole steps of
    // 16 x 1024: 6 N D = 3.5057168455e22
    TrainingJobSpec job = lm(new ModelScale("xl", 2048, 48, 16, 1024), 1000, 16);
    assertThat(ComputeEstimate.training(job, null))
        .isCloseTo(3.5057168455380762624e22, within(1e10));
  }

  @Test
  void anImageClassifierCostsSixMultiplyAddsPerImageSeenForward() {
    // mlp 32 x 2 on 8x8x1, 10 classes: (64 + 1) 32 + (32 + 1) 32 + (32 + 1) 10 = 3466
    // multiply-adds; 100 images for the default 30 epochs
    TrainingJobSpec mlp = classifier(new ModelScale("m", 32, 2, null, null, "mlp"), 100, null);
    assertThat(ComputeEstimate.training(mlp, DIGITS_LIKE)).isEqualTo(6.0 * 3466 * 100 * 30);
    // cnn 4 x 2: 8 x 8 x (9 + 1) x 4 = 2560, pooled to 4x4: 4 x 4 x (36 + 1) x 4 = 2368, then
    // (4 + 1) x 10 = 50: 4978 multiply-adds; 7 images for 3 epochs
    TrainingJobSpec cnn = classifier(new ModelScale("c", 4, 2, null, null, "cnn"), 7, 3);
    assertThat(ComputeEstimate.training(cnn, DIGITS_LIKE)).isEqualTo(6.0 * 4978 * 7 * 3);
  }

  @Test
  void anExternalTrainerIsChargedAsTheBuiltInModelOfItsScale() {
    TrainingJobSpec builtin = lm(new ModelScale("s", 64, 2, 4, 32), 20.5, 16);
    TrainingJobSpec external =
        builtin.withTrainer(
            new TrainerRef("team", List.of("train.sh"), List.of("lm"), false, 0, 60, null));
    assertThat(ComputeEstimate.training(external, null))
        .isEqualTo(ComputeEstimate.training(builtin, null));
  }

  @Test
  void featurisationIsThreeForwardAndBackwardPassesPerExample() {
    ModelScale mlp = new ModelScale("m", 32, 2, null, null, "mlp");
    assertThat(ComputeEstimate.featurisation(mlp, 40, DIGITS_LIKE)).isEqualTo(18.0 * 3466 * 40);
    ModelScale lm = new ModelScale("s", 64, 2, 4, 32);
    assertThat(ComputeEstimate.featurisation(lm, 10, null)).isEqualTo(18.0 * 100096 * 32 * 10);
  }

  @Test
  void anAttributionStudyAddsItsFeaturisationOverThePoolAndOneAnalysis() {
    DomainCatalog images = AttributionStudyTest.IMAGES;
    StudyDefinition study = AttributionStudyTest.study(AttributionStudyTest.spec(2), List.of(0L));
    StudyPlan plan = StudyPlan.expand(study, images);
    double training = 0;
    for (TrainingJobSpec job : plan.jobs()) {
      long multiplyAdds =
          job.scale().width() == 4 ? 4 * 65 + 5 * 4 + 5 * 10 : 16 * 65 + 17 * 16 + 17 * 10;
      training += 6.0 * multiplyAdds * job.distribution().subset().size() * 30;
    }
    // per scale: 2 models x (pool + targets) featurisation jobs, each charged over the 40 pool
    // images
    double featurisation =
        2 * 2 * 18.0 * 40 * ((4 * 65 + 5 * 4 + 5 * 10) + (16 * 65 + 17 * 16 + 17 * 10));
    assertThat(ComputeEstimate.study(study, plan, images))
        .isCloseTo(training + featurisation + ComputeEstimate.ANALYSIS_FLOPS, within(1e-3));
  }
}
