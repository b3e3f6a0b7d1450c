package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each part of a definition checks its own fields, with their paths, limits and reasons. */
class SpecValidationTest {

  final List<FieldError> errors = new ArrayList<>();

  @Test
  void aScaleNamesItsOwnFieldsUnderThePathItIsGiven() {
    new ModelScale("odd", 30, 0, 4, 4).validate("scales[3]", false, errors);
    assertThat(errors)
        .containsExactly(
            new FieldError("scales[3].depth", "must be between 1 and " + StudyLimits.MAX_DEPTH),
            new FieldError("scales[3].context", "must be between 8 and " + StudyLimits.MAX_CONTEXT),
            new FieldError("scales[3].heads", "must divide width 30"));
  }

  @Test
  void aScaleMustSuitItsDataset() {
    new ModelScale("lm", 16, 1, 2, 32).validate("scales[0]", true, errors);
    new ModelScale("mlp", 16, 1, null, null, "mlp").validate("scales[1]", true, errors);
    assertThat(errors)
        .containsExactly(
            new FieldError(
                "scales[0].family", "an image dataset needs an image classifier (mlp or cnn)"));
  }

  @Test
  void aMixtureChecksItsNameAndWeightsAgainstTheCatalog() {
    Set<String> names = new HashSet<>(Set.of("taken"));
    new MixtureSpec("taken", Map.of("a", 0.5, "b", 0.25))
        .validate("distributions[1]", names, StudyValidatorTest.CATALOG, errors);
    new MixtureSpec("fresh", Map.of("poetry", 1.0))
        .validate("distributions[2]", names, StudyValidatorTest.CATALOG, errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "distributions[1].name", "distributions[1].weights", "distributions[2].weights.poetry");
    assertThat(errors.get(1).reason()).isEqualTo("must sum to 1 (they sum to 0.75)");
    assertThat(names).contains("fresh");
  }

  @Test
  void settingsOutOfBoundsNameTheirLimits() {
    new TrainingSettings(0, 2.0, null, null, null, "tpu", null).validate(errors);
    new AttributionSpec(0, null, null, -1.0, null, null, null)
        .validate(true, null, List.of(), errors);
    new SelectionSpec(50, List.of(1, 1), null, null).validate(true, true, 40, errors);
    assertThat(errors)
        .containsExactly(
            new FieldError("training.batchSize", "must be between 1 and " + StudyLimits.MAX_BATCH),
            new FieldError("training.learningRate", "must be > 0.0 and <= 1.0"),
            new FieldError("training.device", "must be cpu or gpu"),
            new FieldError(
                "attribution.modelsPerScale",
                "must be between 1 and " + StudyLimits.MAX_MODELS_PER_SCALE),
            new FieldError("attribution.dimension", "is required"),
            new FieldError("attribution.lambda", "must be >= 0.0 and <= 1000000.0"),
            new FieldError("selection.size", "must be between 1 and 40"),
            new FieldError("selection.targetClasses", "labels must be distinct and >= 0"));
  }

  @Test
  void generatedMixturesCountWhatTheyWillMake() {
    GeneratedMixtures generated =
        new GeneratedMixtures(
            new GeneratedMixtures.Dirichlet(4, 1.0, null),
            true,
            new GeneratedMixtures.RandomSubsets(2, 1.5, 1L));
    generated.validate(errors);
    assertThat(errors)
        .containsExactly(
            new FieldError("generated.dirichlet.seed", "is required"),
            new FieldError("generated.randomSubsets.fraction", "must be > 0 and <= 1"));
    int domains = StudyValidatorTest.CATALOG.domains().size();
    assertThat(generated.count(StudyValidatorTest.CATALOG)).isEqualTo(4 + domains + 2);
  }

  @Test
  void aSelectionSweepNeedsDistinctSizesWithinThePool() {
    new SelectionSpec(10, null, null, null, List.of(5)).validate(true, false, 40, errors);
    new SelectionSpec(null, null, null, null, List.of(5, 5)).validate(true, false, 40, errors);
    new SelectionSpec(null, List.of(3), null, null, List.of(4, 41))
        .validate(true, false, 40, errors);
    assertThat(errors)
        .containsExactly(
            new FieldError("selection.size", "give either size or sizes (a sweep), not both"),
            new FieldError("selection.sizes", "sizes must be distinct"),
            new FieldError("selection.sizes", "every size must be between 1 and the pool's 40"),
            new FieldError(
                "selection.targetClasses",
                "applies to image studies; a text study's target task is attribution.targetSet"));
  }

  @Test
  void aSweepNamesEveryDistributionWithItsSize() {
    SelectionSpec sweep = new SelectionSpec(null, null, 2, null, List.of(10, 20));
    assertThat(sweep.dsdmName("xs", 10)).isEqualTo("dsdm-xs-n10");
    assertThat(sweep.randomName(20, 1)).isEqualTo("random-n20-1");
    assertThat(sweep.similarityName(10)).isEqualTo("similarity-n10");
    assertThat(sweep.verificationJobs(3, 2)).isEqualTo(2 * (3 + 2 + 1) * 2);
    SelectionSpec one = new SelectionSpec(10, null, 2, null);
    assertThat(one.dsdmName("xs", 10)).isEqualTo("dsdm-xs");
    assertThat(one.randomName(10, 1)).isEqualTo("random-1");
    assertThat(one.similarityName(10)).isEqualTo("similarity");
  }
}
