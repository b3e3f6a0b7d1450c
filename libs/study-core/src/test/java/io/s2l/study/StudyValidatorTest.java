package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyValidatorTest {

  static final DomainCatalog CATALOG =
      new DomainCatalog() {
        @Override
        public List<String> domains() {
          return List.of("a", "b", "c");
        }

        @Override
        public List<String> evalSets() {
          return List.of("heldout/a", "heldout/b", "heldout/c");
        }

        @Override
        public List<String> trainingDocumentIds() {
          return List.of("a-1", "a-2", "b-1", "b-2", "c-1", "c-2");
        }

        @Override
        public boolean hasTrainingDocument(String id) {
          return id.matches("[abc]-\\d+");
        }
      };

  static StudyDefinition valid() {
    return new StudyDefinition(
        "study",
        null,
        List.of(
            new MixtureSpec("m1", Map.of("a", 1.0)),
            new MixtureSpec("m2", Map.of("a", 0.5, "b", 0.5)),
            new MixtureSpec("m3", Map.of("c", 1.0))),
        null,
        List.of(new ModelScale("small", 16, 1, 2, 32), new ModelScale("big", 32, 2, 4, 32)),
        "big",
        20.0,
        List.of(0L),
        null,
        null);
  }

  private static List<String> fields(StudyDefinition study) {
    return new StudyValidator(CATALOG).validate(study).stream().map(FieldError::field).toList();
  }

  @Test
  void aValidStudyHasNoErrors() {
    assertThat(new StudyValidator(CATALOG).validate(valid())).isEmpty();
  }

  private static List<FieldError> errors(StudyDefinition study) {
    return new StudyValidator(CATALOG).validate(study);
  }

  private static StudyDefinition withNames(String scale, String distribution) {
    StudyDefinition s = valid();
    return new StudyDefinition(
        s.name(),
        null,
        List.of(
            new MixtureSpec(distribution, Map.of("a", 1.0)),
            new MixtureSpec("m2", Map.of("a", 0.5, "b", 0.5)),
            new MixtureSpec("m3", Map.of("c", 1.0))),
        null,
        List.of(new ModelScale(scale, 16, 1, 2, 32), new ModelScale("big", 32, 2, 4, 32)),
        "big",
        20.0,
        List.of(0L),
        null,
        null);
  }

  @Test
  void namesAreShortPlainAndNeverAGeneratedName() {
    assertThat(errors(withNames("x".repeat(3000), "m1")))
        .containsExactly(
            new FieldError("scales[0].name", "must have at most 64 characters, has 3000"));
    assertThat(errors(withNames("x".repeat(64), "m1"))).isEmpty();
    assertThat(errors(withNames("small model", "m1")))
        .extracting(FieldError::field)
        .containsExactly("scales[0].name");
    assertThat(errors(withNames("small", "m1\n; DROP")))
        .extracting(FieldError::field)
        .containsExactly("distributions[0].name");
    for (String generated :
        List.of(
            "random-0", "subset-3", "dsdm-small", "similarity", "recommended-x", "dirichlet-1")) {
      assertThat(errors(withNames("small", generated)))
          .as(generated)
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).contains("reserved"));
    }
  }

  @Test
  void aSubsetNamingADocumentTwiceIsRefused() {
    StudyDefinition s = valid();
    StudyDefinition twice =
        new StudyDefinition(
            s.name(),
            null,
            List.of(
                new MixtureSpec("s1", null, List.of("a-1", "b-2", "a-1")),
                new MixtureSpec("s2", null, List.of("a-2")),
                new MixtureSpec("s3", null, List.of("c-1"))),
            null,
            s.scales(),
            "big",
            20.0,
            List.of(0L),
            null,
            null);
    assertThat(errors(twice))
        .containsExactly(
            new FieldError(
                "distributions[0].subset[2]", "'a-1' is named twice; ids must be distinct"));
  }

  @Test
  void everyBadFieldIsNamed() {
    StudyDefinition s = valid();
    StudyDefinition bad =
        new StudyDefinition(
            "",
            null,
            List.of(
                new MixtureSpec("m1", Map.of("a", 0.7)),
                new MixtureSpec("m1", Map.of("zzz", 1.0)),
                new MixtureSpec("m3", Map.of("c", -1.0))),
            null,
            List.of(new ModelScale("small", 16, 1, 3, 32), new ModelScale("big", 4, 0, 4, 99999)),
            "nope",
            0.0,
            List.of(1L, 1L),
            List.of("heldout/a", "heldout/x"),
            new TrainingSettings(0, 2.0, 0.9, null, null));
    assertThat(fields(bad))
        .contains(
            "name",
            "distributions[0].weights",
            "distributions[1].name",
            "distributions[1].weights.zzz",
            "distributions[2].weights.c",
            "scales[0].heads",
            "scales[1].width",
            "scales[1].depth",
            "scales[1].context",
            "referenceScale",
            "tokensPerParam",
            "seeds",
            "evalSets[1]",
            "training.batchSize",
            "training.learningRate",
            "training.warmupFraction");
    assertThat(s).isNotNull();
  }

  @Test
  void theReferenceMustBeTheLargestScale() {
    StudyDefinition s = valid();
    StudyDefinition smallReference =
        new StudyDefinition(
            s.name(),
            null,
            s.distributions(),
            null,
            s.scales(),
            "small",
            20.0,
            s.seeds(),
            null,
            null);
    assertThat(new StudyValidator(CATALOG).validate(smallReference))
        .extracting(FieldError::reason)
        .anyMatch(r -> r.startsWith("the reference must have the most parameters"));
  }

  @Test
  void aStudyNeedsThreeDistributionsButGeneratedOnesCount() {
    StudyDefinition s = valid();
    StudyDefinition two =
        new StudyDefinition(
            s.name(),
            null,
            s.distributions().subList(0, 2),
            null,
            s.scales(),
            "big",
            20.0,
            s.seeds(),
            null,
            null);
    assertThat(fields(two)).contains("distributions");
    StudyDefinition generated =
        new StudyDefinition(
            s.name(),
            null,
            null,
            new GeneratedMixtures(null, true),
            s.scales(),
            "big",
            20.0,
            s.seeds(),
            null,
            null);
    assertThat(fields(generated)).isEmpty();
  }

  @Test
  void aStudyCannotAskForUnboundedWork() {
    StudyDefinition s = valid();
    List<Long> seeds = new ArrayList<>();
    for (long i = 0; i < StudyLimits.MAX_SEEDS; i++) {
      seeds.add(i);
    }
    List<ModelScale> scales = new ArrayList<>();
    for (int i = 1; i <= StudyLimits.MAX_SCALES; i++) {
      scales.add(new ModelScale("s" + i, 8 * i, 1, 1, 32));
    }
    StudyDefinition huge =
        new StudyDefinition(
            s.name(),
            null,
            null,
            new GeneratedMixtures(
                new GeneratedMixtures.Dirichlet(StudyLimits.MAX_DIRICHLET_COUNT, 1.0, 1L), false),
            scales,
            "s16",
            20.0,
            seeds,
            null,
            null);
    assertThat(new StudyValidator(CATALOG).validate(huge))
        .extracting(FieldError::reason)
        .anyMatch(r -> r.contains("jobs; at most " + StudyLimits.MAX_JOBS));
  }

  @Test
  void missingRequiredFieldsAreReportedNotThrown() {
    StudyDefinition empty =
        new StudyDefinition(null, null, null, null, null, null, null, null, null, null);
    assertThat(fields(empty))
        .contains("name", "scales", "distributions", "seeds", "tokensPerParam");
    assertThat(fields(null)).containsExactly("$");
  }

  @Test
  void aSubsetDistributionNamesExistingTrainingDocuments() {
    StudyDefinition s = valid();
    List<MixtureSpec> withSubsets =
        List.of(
            new MixtureSpec("s1", null, List.of("a-1", "b-2")),
            new MixtureSpec("s2", null, List.of("a-1", "nope")),
            new MixtureSpec("s3", Map.of("a", 1.0), List.of("a-3")),
            new MixtureSpec("s4", null, List.of()));
    StudyDefinition study =
        new StudyDefinition(
            s.name(), null, withSubsets, null, s.scales(), "big", 20.0, s.seeds(), null, null);
    assertThat(fields(study))
        .containsExactlyInAnyOrder(
            "distributions[1].subset[1]", "distributions[2]", "distributions[3].subset");
  }
}
