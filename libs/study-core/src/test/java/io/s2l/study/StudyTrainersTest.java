package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudyTrainersTest {

  static final TrainerRef PYTORCH =
      new TrainerRef("pytorch", List.of("/opt/t"), List.of("lm"), false, 3L << 30, 600, null);
  static final TrainerRef CLUSTER =
      new TrainerRef(
          "cluster",
          List.of("/opt/t"),
          List.of("lm", "mlp"),
          true,
          1L << 20,
          60,
          new TrainerRef.KubernetesTarget("img", 1, null));

  private static Optional<TrainerRef> registry(String name) {
    return List.of(PYTORCH, CLUSTER).stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The valid text study with these scales and study-wide trainer. */
  static StudyDefinition study(String trainer, ModelScale small, ModelScale big) {
    StudyDefinition s = StudyValidatorTest.valid();
    return new StudyDefinition(
        s.name(),
        null,
        s.distributions(),
        null,
        List.of(small, big),
        "big",
        20.0,
        List.of(0L, 1L),
        null,
        null,
        null,
        null,
        null,
        trainer);
  }

  static ModelScale small(String trainer, Map<String, Object> options) {
    return new ModelScale("small", 16, 1, 2, 32, null, trainer, options);
  }

  static ModelScale big(String trainer) {
    return new ModelScale("big", 32, 2, 4, 32, null, trainer, null);
  }

  private static List<FieldError> validate(StudyDefinition study) {
    return new StudyValidator(StudyValidatorTest.CATALOG).validate(study);
  }

  @Test
  void aStudyOrAScaleNamesItsTrainerWithScalarOptions() {
    Map<String, Object> options = Map.of("config", "gpt-tiny", "layers", 2, "rate", 0.5, "x", true);
    assertThat(validate(study("pytorch", small(null, options), big("djl")))).isEmpty();
    assertThat(validate(study(null, small("pytorch", options), big(null)))).isEmpty();
  }

  @Test
  void trainerNamesAndOptionsAreBounded() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("nested", Map.of("a", 1));
    bad.put("list", List.of(1));
    bad.put("long", "x".repeat(1025));
    bad.put("nothing", null);
    bad.put("x".repeat(65), 1);
    assertThat(validate(study("Bad_Name", small("pytorch", bad), big("no/slash"))))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "trainer",
            "scales[0].options.nested",
            "scales[0].options.list",
            "scales[0].options.long",
            "scales[0].options.nothing",
            "scales[0].options",
            "scales[1].trainer");
    Map<String, Object> many = new HashMap<>();
    for (int i = 0; i <= TrainerLimits.MAX_OPTIONS; i++) {
      many.put("k" + i, i);
    }
    assertThat(validate(study(null, small("pytorch", many), big(null))))
        .containsExactly(new FieldError("scales[0].options", "at most 32 options"));
  }

  @Test
  void optionsAreOnlyForScalesAnExternalTrainerTrains() {
    Map<String, Object> options = Map.of("config", "tiny");
    assertThat(validate(study(null, small(null, options), big(null))))
        .extracting(FieldError::field)
        .containsExactly("scales[0].options");
    assertThat(validate(study("pytorch", small("djl", options), big(null))))
        .extracting(FieldError::field)
        .containsExactly("scales[0].options");
  }

  @Test
  void anAttributionStudyTrainsWithTheBuiltinTrainer() {
    StudyDefinition s = AttributionStudyTest.study(AttributionStudyTest.spec(2), List.of(0L));
    List<ModelScale> scales = List.of(s.scales().get(0).withTrainer("pytorch"), s.scales().get(1));
    StudyDefinition external =
        new StudyDefinition(
            s.name(),
            s.dataset(),
            null,
            s.generated(),
            scales,
            s.referenceScale(),
            null,
            s.seeds(),
            null,
            null,
            s.attribution(),
            null,
            null,
            "cluster");
    assertThat(new StudyValidator(AttributionStudyTest.IMAGES).validate(external))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("scales[0].trainer", "trainer");
  }

  @Test
  void unknownTrainersAndUntrainedFamiliesAreNamed() {
    StudyTrainers.Resolution unknown =
        StudyTrainers.resolve(
            study("nope", small(null, null), big("gone")), StudyTrainersTest::registry);
    assertThat(unknown.errors())
        .containsExactly(
            new FieldError("trainer", "no registered trainer 'nope'"),
            new FieldError("scales[1].trainer", "no registered trainer 'gone'"));

    StudyDefinition digits =
        new StudyDefinition(
            "d",
            "digits",
            null,
            null,
            List.of(
                new ModelScale("w4", 4, 2, null, null, "mlp", "pytorch", null),
                new ModelScale("w8", 8, 2, null, null, "mlp", "cluster", null)),
            "w8",
            null,
            List.of(0L),
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(StudyTrainers.resolve(digits, StudyTrainersTest::registry).errors())
        .containsExactly(
            new FieldError("scales[0].trainer", "trainer 'pytorch' does not train family 'mlp'"));
  }

  @Test
  void eachJobCarriesTheSnapshotOfItsScalesTrainerWithItsKindGpuAndMemory() {
    StudyDefinition study = study("pytorch", small(null, Map.of("config", "a")), big("cluster"));
    StudyTrainers.Resolution resolved = StudyTrainers.resolve(study, StudyTrainersTest::registry);
    assertThat(resolved.errors()).isEmpty();
    assertThat(resolved.snapshots()).containsOnlyKeys("pytorch", "cluster");

    StudyPlan plan =
        StudyPlan.expand(study, StudyValidatorTest.CATALOG)
            .withTrainers(study, resolved.snapshots());
    assertThat(plan.jobs()).hasSize(12);
    for (TrainingJobSpec job : plan.jobs()) {
      boolean small = job.scale().name().equals("small");
      assertThat(job.trainer()).isEqualTo(small ? PYTORCH : CLUSTER);
      assertThat(JobKinds.training(job))
          .isEqualTo(small ? JobKinds.TRAIN : JobKinds.TRAIN_KUBERNETES);
      // The cluster trainer needs a GPU, but its pod gets it from Kubernetes: the job asks
      // nothing of the dispatcher that claims it.
      assertThat(ResourceEstimate.needsGpu(job)).isFalse();
      long builtin = ResourceEstimate.memoryBytes(job.withTrainer(null));
      assertThat(ResourceEstimate.memoryBytes(job))
          .isEqualTo(small ? Math.max(builtin, job.trainer().memoryBytes()) : 0);
    }
    TrainingJobSpec first = plan.jobs().get(0);
    assertThat(ResourceEstimate.memoryBytes(first)).isEqualTo(3L << 30);

    StudyPlan builtin =
        StudyPlan.expand(study(null, small(null, null), big(null)), StudyValidatorTest.CATALOG);
    assertThat(builtin.jobs()).allSatisfy(j -> assertThat(JobKinds.training(j)).isEqualTo("train"));
  }

  @Test
  void thePlanNamesEveryScalesTrainerAndOldPlansReadAsBuiltin() {
    StudyDefinition study = study("pytorch", small(null, null), big("djl"));
    PlanSummary plan = PlanSummary.of(study, StudyPlan.expand(study, StudyValidatorTest.CATALOG));
    assertThat(plan.scales()).extracting(ModelScale::trainer).containsExactly("pytorch", "djl");
    PlanSummary old =
        new PlanSummary(
            List.of(), List.of(), List.of(new ModelScale("s", 8, 1, 1, 8)), List.of(0L));
    assertThat(old.scales().get(0).trainer()).isEqualTo(TrainerRef.BUILTIN);
  }
}
