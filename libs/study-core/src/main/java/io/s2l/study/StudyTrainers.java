package io.s2l.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The external trainers a study names, resolved against the registry when it is submitted: each
 * must be registered and train the family of every scale it trains. The snapshots taken here are
 * what the study's jobs carry for good, whatever becomes of the registrations later.
 */
public final class StudyTrainers {

  private StudyTrainers() {}

  /**
   * @param snapshots the registration of every external trainer a scale of the study uses, by name
   * @param errors every name the registry does not know and every family a trainer does not train
   */
  public record Resolution(Map<String, TrainerRef> snapshots, List<FieldError> errors) {}

  /**
   * Resolves the trainers of a study; names that cannot be a trainer's are left to {@link
   * StudyValidator}, which reports them.
   *
   * @param registry the registration of a name, if there is one
   */
  public static Resolution resolve(
      StudyDefinition study, Function<String, Optional<TrainerRef>> registry) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Optional<TrainerRef>> found = new LinkedHashMap<>();
    String studyTrainer = study.trainer();
    if (external(studyTrainer)) {
      Optional<TrainerRef> ref = found.computeIfAbsent(studyTrainer, registry);
      if (ref.isEmpty()) {
        errors.add(new FieldError("trainer", unknown(studyTrainer)));
      }
    }
    Map<String, TrainerRef> snapshots = new LinkedHashMap<>();
    List<ModelScale> scales = study.scales() != null ? study.scales() : List.of();
    for (int i = 0; i < scales.size(); i++) {
      ModelScale scale = scales.get(i);
      if (scale == null || !external(study.trainerOf(scale))) {
        continue;
      }
      String name = study.trainerOf(scale);
      String at = "scales[" + i + "].trainer";
      Optional<TrainerRef> ref = found.computeIfAbsent(name, registry);
      if (ref.isEmpty()) {
        if (scale.trainer() != null) {
          errors.add(new FieldError(at, unknown(name)));
        }
        continue;
      }
      if (!ref.get().families().contains(scale.familyOrDefault())) {
        errors.add(
            new FieldError(
                at,
                "trainer '" + name + "' does not train family '" + scale.familyOrDefault() + "'"));
      }
      snapshots.put(name, ref.get());
    }
    return new Resolution(Map.copyOf(snapshots), List.copyOf(errors));
  }

  /** A name that can be registered (not the built-in trainer, not malformed). */
  private static boolean external(String name) {
    return name != null && !TrainerRef.BUILTIN.equals(name) && TrainerLimits.validName(name);
  }

  private static String unknown(String name) {
    return "no registered trainer '" + name + "'";
  }
}
