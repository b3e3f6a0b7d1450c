package io.s2l.study;

import java.util.List;
import java.util.UUID;

/**
 * The payload of a mixture-recommendation study's recommendation and verification jobs: what the
 * analysis service needs to fit the regressions and to queue the reference models that verify them.
 *
 * @param studyId the study
 * @param dataset the corpus
 * @param reference the reference scale, trained on the recommendations and the baselines
 * @param proxyScales names of the proxy scales, in study order
 * @param tokensPerParam the study's token budget
 * @param evalSets the study's evaluation sets
 * @param training the study's training settings, defaults filled in
 * @param seeds the study's seeds
 * @param settings the recommendation settings
 * @param referenceTrainer the snapshot, taken when the study was submitted, of the external trainer
 *     that trains the reference; null for the built-in trainer
 */
public record MixtureJobSpec(
    UUID studyId,
    String dataset,
    ModelScale reference,
    List<String> proxyScales,
    Double tokensPerParam,
    List<String> evalSets,
    TrainingSettings training,
    List<Long> seeds,
    MixtureRecommendationSpec settings,
    TrainerRef referenceTrainer) {

  /** A study whose reference the built-in trainer trains. */
  public MixtureJobSpec(
      UUID studyId,
      String dataset,
      ModelScale reference,
      List<String> proxyScales,
      Double tokensPerParam,
      List<String> evalSets,
      TrainingSettings training,
      List<Long> seeds,
      MixtureRecommendationSpec settings) {
    this(
        studyId,
        dataset,
        reference,
        proxyScales,
        tokensPerParam,
        evalSets,
        training,
        seeds,
        settings,
        null);
  }
}
