package io.s2l.study;

/**
 * The value every optional field of a study definition takes when it is left out, read from the
 * records that apply them, so a page can show which fields of a definition differ from them. Fields
 * without a default (the scales, the distributions, a selection's size) are absent.
 *
 * @param dataset the corpus when none is named
 * @param trainer the trainer when neither the study nor a scale names one
 * @param training the optimiser settings
 * @param attribution the attribution block's optional settings
 * @param selection the selection block's optional settings
 * @param recommendMixture the mixture-recommendation block's optional settings
 */
public record StudyDefaults(
    String dataset,
    String trainer,
    TrainingSettings training,
    Attribution attribution,
    Selection selection,
    Mixture recommendMixture) {

  public record Attribution(
      long projectionSeed,
      double lambda,
      boolean useQ,
      boolean lasso,
      int checkpoints,
      long poolSeed) {}

  public record Selection(int randomDraws, long seed) {}

  public record Mixture(int candidates, int randomMixtures, long seed, int topK) {}

  /** The defaults of this build. */
  public static StudyDefaults current() {
    AttributionSpec a = new AttributionSpec(null, null, null, null, null, null, null);
    SelectionSpec s = new SelectionSpec(null, null, null, null);
    MixtureRecommendationSpec m = new MixtureRecommendationSpec(null, null, null, null);
    return new StudyDefaults(
        StudyDefinition.BUILTIN_DATASET,
        TrainerRef.BUILTIN,
        TrainingSettings.DEFAULTS,
        new Attribution(
            a.projectionSeedOrDefault(),
            a.lambdaOrDefault(),
            a.useQOrDefault(),
            a.lassoOrDefault(),
            a.checkpointsOrDefault(),
            a.poolSeedOrDefault()),
        new Selection(s.randomDrawsOrDefault(), s.seedOrDefault()),
        new Mixture(
            m.candidatesOrDefault(),
            m.randomMixturesOrDefault(),
            m.seedOrDefault(),
            m.topKOrDefault()));
  }
}
