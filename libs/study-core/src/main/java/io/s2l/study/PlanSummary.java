package io.s2l.study;

import java.util.List;

/**
 * What a study resolved to, as stored with it and shown by the API: the distributions (explicit,
 * then generated), the evaluation sets, the scales and the seeds. Its JSON is the stored {@code
 * plan} document; the component names are its field names, so rows written before this record
 * existed read unchanged.
 *
 * @param distributions every distribution the study trains on, resolved
 * @param evalSets the evaluation sets, the dataset's held-out sets when the study named none
 * @param scales the study's scales, as submitted, each naming the trainer that trains it ({@value
 *     TrainerRef#BUILTIN} for the built-in one, also in plans stored before scales named one)
 * @param seeds the study's seeds, as submitted
 */
public record PlanSummary(
    List<MixtureSpec> distributions,
    List<String> evalSets,
    List<ModelScale> scales,
    List<Long> seeds) {

  public PlanSummary {
    if (scales != null) {
      scales =
          scales.stream()
              .map(s -> s == null || s.trainer() != null ? s : s.withTrainer(TrainerRef.BUILTIN))
              .toList();
    }
  }

  /** The summary of a study expanded into {@code plan}. */
  public static PlanSummary of(StudyDefinition study, StudyPlan plan) {
    List<ModelScale> scales =
        study.scales().stream().map(s -> s.withTrainer(study.trainerOf(s))).toList();
    return new PlanSummary(plan.distributions(), plan.evalSets(), scales, study.seeds());
  }

  public List<String> scaleNames() {
    return scales.stream().map(ModelScale::name).toList();
  }

  public List<String> distributionNames() {
    return distributions.stream().map(MixtureSpec::name).toList();
  }
}
