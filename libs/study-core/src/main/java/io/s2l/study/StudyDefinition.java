package io.s2l.study;

import java.util.List;

/**
 * What a user submits: which models to train on which data, and what to evaluate them on. s2l
 * trains one model per (scale, distribution, seed) and evaluates every model on every evaluation
 * set (docs/science.md section 1).
 *
 * @param name a label for people
 * @param dataset the corpus the domains come from; {@code builtin} when null
 * @param distributions explicit mixtures
 * @param generated mixtures to generate, or null
 * @param scales model sizes; one of them is the reference
 * @param referenceScale name of the reference scale; it must have the most parameters
 * @param tokensPerParam training tokens per non-embedding parameter (20 is Chinchilla-optimal)
 * @param seeds training seeds; every (scale, distribution) is trained once per seed
 * @param evalSets evaluation set names; the held-out text of every domain when null
 * @param training optimiser settings, or null for defaults
 * @param attribution makes this an attribution study (image datasets); its subset distributions are
 *     then the ground truth, trained at the reference scale only
 * @param selection adds dataset selection (DsDm), verified at the reference scale; needs {@code
 *     attribution}
 * @param recommendMixture makes this a mixture-recommendation study (text datasets): only the
 *     proxies train on the distributions; the reference verifies the recommended mixtures
 * @param trainer the registered trainer for every scale that names none; null or {@value
 *     TrainerRef#BUILTIN} for the built-in DJL trainer
 * @param callbacks URLs told of every change of the study's status, or null ({@link CallbackUrls})
 */
public record StudyDefinition(
    String name,
    String dataset,
    List<MixtureSpec> distributions,
    GeneratedMixtures generated,
    List<ModelScale> scales,
    String referenceScale,
    Double tokensPerParam,
    List<Long> seeds,
    List<String> evalSets,
    TrainingSettings training,
    AttributionSpec attribution,
    SelectionSpec selection,
    MixtureRecommendationSpec recommendMixture,
    String trainer,
    List<String> callbacks) {

  /** A study without callbacks. */
  public StudyDefinition(
      String name,
      String dataset,
      List<MixtureSpec> distributions,
      GeneratedMixtures generated,
      List<ModelScale> scales,
      String referenceScale,
      Double tokensPerParam,
      List<Long> seeds,
      List<String> evalSets,
      TrainingSettings training,
      AttributionSpec attribution,
      SelectionSpec selection,
      MixtureRecommendationSpec recommendMixture,
      String trainer) {
    this(
        name,
        dataset,
        distributions,
        generated,
        scales,
        referenceScale,
        tokensPerParam,
        seeds,
        evalSets,
        training,
        attribution,
        selection,
        recommendMixture,
        trainer,
        null);
  }

  /** A study trained by the built-in trainer unless its scales name another. */
  public StudyDefinition(
      String name,
      String dataset,
      List<MixtureSpec> distributions,
      GeneratedMixtures generated,
      List<ModelScale> scales,
      String referenceScale,
      Double tokensPerParam,
      List<Long> seeds,
      List<String> evalSets,
      TrainingSettings training,
      AttributionSpec attribution,
      SelectionSpec selection,
      MixtureRecommendationSpec recommendMixture) {
    this(
        name,
        dataset,
        distributions,
        generated,
        scales,
        referenceScale,
        tokensPerParam,
        seeds,
        evalSets,
        training,
        attribution,
        selection,
        recommendMixture,
        null);
  }

  /** The trainer name of {@code scale}: its own, else the study's, else the built-in one. */
  public String trainerOf(ModelScale scale) {
    if (scale.trainer() != null) {
      return scale.trainer();
    }
    return trainer != null ? trainer : TrainerRef.BUILTIN;
  }

  public static final String BUILTIN_DATASET = "builtin";

  /** A study without attribution. */
  public StudyDefinition(
      String name,
      String dataset,
      List<MixtureSpec> distributions,
      GeneratedMixtures generated,
      List<ModelScale> scales,
      String referenceScale,
      Double tokensPerParam,
      List<Long> seeds,
      List<String> evalSets,
      TrainingSettings training) {
    this(
        name,
        dataset,
        distributions,
        generated,
        scales,
        referenceScale,
        tokensPerParam,
        seeds,
        evalSets,
        training,
        null,
        null,
        null,
        null);
  }

  public String datasetOrDefault() {
    return dataset != null ? dataset : BUILTIN_DATASET;
  }
}
