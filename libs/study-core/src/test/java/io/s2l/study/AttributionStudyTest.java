package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AttributionStudyTest {

  static final DomainCatalog IMAGES =
      new DomainCatalog() {
        @Override
        public List<String> domains() {
          return List.of();
        }

        @Override
        public List<String> evalSets() {
          return List.of("images/digits-test");
        }

        @Override
        public List<String> trainingDocumentIds() {
          return IntStream.range(0, 40).mapToObj(i -> "digit-" + i).toList();
        }

        @Override
        public boolean hasTrainingDocument(String id) {
          return trainingDocumentIds().contains(id);
        }

        @Override
        public String modality() {
          return IMAGE;
        }

        @Override
        public Optional<ImageGeometry> imageGeometry() {
          return Optional.of(new ImageGeometry(8, 8, 1, 10, 25));
        }
      };

  static StudyDefinition study(AttributionSpec attribution, List<Long> seeds) {
    return new StudyDefinition(
        "attribution",
        "digits",
        null,
        new GeneratedMixtures(null, null, new GeneratedMixtures.RandomSubsets(6, 0.5, 3L)),
        List.of(
            new ModelScale("w4", 4, 2, null, null, "mlp"),
            new ModelScale("w16", 16, 2, null, null, "mlp")),
        "w16",
        null,
        seeds,
        null,
        null,
        attribution,
        null,
        null);
  }

  static AttributionSpec spec(int models) {
    return new AttributionSpec(models, 32, 0L, 0.01, false, 20, false);
  }

  @Test
  void expandsIntoPoolModelsAtEveryScaleAndSubsetModelsAtTheReference() {
    StudyDefinition s = study(spec(3), List.of(0L, 1L));
    assertThat(new StudyValidator(IMAGES).validate(s)).isEmpty();
    StudyPlan plan = StudyPlan.expand(s, IMAGES);
    // 2 scales x 3 pool models + 6 subsets x 2 seeds at the reference
    assertThat(plan.jobs()).hasSize(2 * 3 + 6 * 2);
    assertThat(plan.jobs().stream().map(TrainingJobSpec::key))
        .doesNotHaveDuplicates()
        .contains("w4/pool/0", "w4/pool/2", "w16/pool/1");
    assertThat(
            plan.jobs().stream()
                .filter(j -> !j.distribution().name().equals(AttributionSpec.POOL))
                .map(j -> j.scale().name()))
        .hasSize(12)
        .containsOnly("w16");
    assertThat(
            plan.jobs().stream()
                .filter(j -> j.distribution().name().equals(AttributionSpec.POOL))
                .allMatch(j -> j.distribution().subset().equals(IMAGES.trainingDocumentIds())))
        .isTrue();
    assertThat(AttributionJobSpec.poolRunKeys("w4", 3))
        .containsExactly("w4/pool/0", "w4/pool/1", "w4/pool/2");
  }

  @Test
  void badAttributionSettingsAreNamed() {
    StudyDefinition s =
        study(new AttributionSpec(0, 100_000, null, -1.0, null, 0, null), List.of(0L));
    assertThat(new StudyValidator(IMAGES).validate(s).stream().map(FieldError::field))
        .contains(
            "attribution.modelsPerScale",
            "attribution.dimension",
            "attribution.lambda",
            "attribution.targets");
  }

  @Test
  void aTextStudyNamesItsTargetSetAndLeavesQOff() {
    AttributionSpec noTargets = new AttributionSpec(2, 16, null, null, true, null, null);
    assertThat(new StudyValidator(StudyValidatorTest.CATALOG).validate(text(noTargets)))
        .extracting(FieldError::field)
        .containsExactly("attribution.targetSet", "attribution.useQ");
    AttributionSpec unknown =
        new AttributionSpec(2, 16, null, null, null, null, null, 0, "quiz", 1, null);
    assertThat(new StudyValidator(StudyValidatorTest.CATALOG).validate(text(unknown)))
        .extracting(FieldError::field)
        .containsExactly(
            "attribution.checkpoints", "attribution.targetSet", "attribution.poolSize");
  }

  @Test
  void imageStudiesRefuseTheTextSettings() {
    AttributionSpec textOnly =
        new AttributionSpec(2, 16, null, 0.01, null, null, null, null, "quiz", 10, 3L);
    assertThat(new StudyValidator(IMAGES).validate(study(textOnly, List.of(0L))))
        .extracting(FieldError::field)
        .containsExactly("attribution.targetSet", "attribution.poolSize", "attribution.poolSeed");
  }

  @Test
  void aTextStudyTrainsCheckpointedModelsOnASampledPoolAndSubsetsOfIt() {
    AttributionSpec settings =
        new AttributionSpec(2, 16, null, null, null, null, null, 3, "heldout/b", 4, 9L);
    StudyDefinition study = text(settings);
    assertThat(new StudyValidator(StudyValidatorTest.CATALOG).validate(study)).isEmpty();
    List<String> pool = settings.pool(StudyValidatorTest.CATALOG.trainingDocumentIds());
    assertThat(pool).hasSize(4).isSubsetOf(StudyValidatorTest.CATALOG.trainingDocumentIds());
    assertThat(pool)
        .isEqualTo(settings.pool(StudyValidatorTest.CATALOG.trainingDocumentIds()))
        .isSortedAccordingTo(
            java.util.Comparator.comparing(
                StudyValidatorTest.CATALOG.trainingDocumentIds()::indexOf));
    StudyPlan plan = StudyPlan.expand(study, StudyValidatorTest.CATALOG);
    List<TrainingJobSpec> poolJobs =
        plan.jobs().stream()
            .filter(j -> j.distribution().name().equals(AttributionSpec.POOL))
            .toList();
    assertThat(poolJobs).hasSize(2 * study.scales().size());
    assertThat(poolJobs)
        .allSatisfy(
            j -> {
              assertThat(j.distribution().subset()).isEqualTo(pool);
              assertThat(j.snapshots()).isEqualTo(3);
              assertThat(j.snapshotSteps(100)).containsExactly(33, 67);
            });
    assertThat(plan.jobs())
        .filteredOn(j -> !j.distribution().name().equals(AttributionSpec.POOL))
        .hasSize(3)
        .allSatisfy(
            j -> {
              assertThat(pool).containsAll(j.distribution().subset());
              assertThat(j.snapshots()).isNull();
            });
    assertThat(settings.featurisationJobs(study.scales().size()))
        .isEqualTo(2 * study.scales().size() * 2 * 3);
  }

  private static StudyDefinition text(AttributionSpec attribution) {
    return new StudyDefinition(
        "text",
        null,
        null,
        new GeneratedMixtures(null, null, new GeneratedMixtures.RandomSubsets(3, 0.5, 1L)),
        StudyValidatorTest.valid().scales(),
        "big",
        20.0,
        List.of(0L),
        null,
        null,
        attribution,
        null,
        null);
  }

  @Test
  void theJobLimitCountsPoolModelsAndSubsetModels() {
    StudyDefinition s = study(spec(64), List.of(0L));
    assertThat(new StudyValidator(IMAGES).validate(s)).isEmpty();
    StudyDefinition tooMany =
        new StudyDefinition(
            "attribution",
            "digits",
            null,
            new GeneratedMixtures(null, null, new GeneratedMixtures.RandomSubsets(256, 0.5, 3L)),
            s.scales(),
            "w16",
            null,
            List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L),
            null,
            null,
            spec(64),
            null,
            null);
    assertThat(new StudyValidator(IMAGES).validate(tooMany))
        .extracting(FieldError::field)
        .containsExactly("$");
  }
}
