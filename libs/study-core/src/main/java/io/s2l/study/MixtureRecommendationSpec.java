package io.s2l.study;

import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_MIXTURE_CANDIDATES;
import static io.s2l.study.StudyLimits.MAX_RANDOM_DRAWS;

import java.util.List;

/**
 * The mixture-recommendation part of a study (docs/science.md section 4.4, after RegMix): the proxy
 * scales train on the study's distributions (many random mixtures); per proxy scale, a linear
 * regression and gradient-boosted trees (XGBoost) predict the {@code target} evaluation set's loss
 * from the mixture weights; the average of the {@code topK} mixtures with the lowest predicted
 * losses among {@code candidates} random mixtures inside the support of the proxy runs is
 * recommended; the reference is trained only on the recommendations and on {@code randomMixtures}
 * random mixtures (the baseline), with the study's seeds, and the recommendations are verified by
 * the reference's loss on the target set.
 *
 * @param target the evaluation set whose loss the recommendation minimises
 * @param candidates random mixtures (flat Dirichlet) the regressions are searched over; 10,000 when
 *     null
 * @param randomMixtures random mixtures the reference trains on as the baseline; 5 when null
 * @param seed seed of the candidate and baseline mixtures; 0 when null
 * @param topK how many of the best candidates the recommendation averages (RegMix); 100 when null,
 *     at most {@code candidates}
 */
public record MixtureRecommendationSpec(
    String target, Integer candidates, Integer randomMixtures, Long seed, Integer topK) {

  /** Random mixtures when the study does not say: enough draws to resample them. */
  public static final int DEFAULT_RANDOM_MIXTURES = 5;

  public static final int DEFAULT_TOP_K = 100;

  /** Settings without {@code topK}: the default top-k average. */
  public MixtureRecommendationSpec(
      String target, Integer candidates, Integer randomMixtures, Long seed) {
    this(target, candidates, randomMixtures, seed, null);
  }

  public static final String LINEAR = "linear";
  public static final String XGBOOST = "xgboost";
  public static final List<String> MODELS = List.of(LINEAR, XGBOOST);

  public int candidatesOrDefault() {
    return candidates != null ? candidates : 10_000;
  }

  public int randomMixturesOrDefault() {
    return randomMixtures != null ? randomMixtures : DEFAULT_RANDOM_MIXTURES;
  }

  public int topKOrDefault() {
    return topK != null ? topK : DEFAULT_TOP_K;
  }

  public long seedOrDefault() {
    return seed != null ? seed : 0L;
  }

  /** Reference models trained to verify: one per (proxy scale, model), the baselines, per seed. */
  public int verificationJobs(int proxyScales, int seeds) {
    return (proxyScales * MODELS.size() + randomMixturesOrDefault()) * seeds;
  }

  /** Distribution name of the mixture one model recommends from one proxy scale's runs. */
  public static String recommendedName(String model, String scale) {
    return "recommended-" + model + "-" + scale;
  }

  public static String randomName(int draw) {
    return "random-mixture-" + draw;
  }

  /**
   * Adds an error for every setting out of its bounds, and for a study this recommendation cannot
   * be made from.
   *
   * @param distributions how many distributions the study resolves to: the regression's rows
   */
  public void validate(
      StudyDefinition study, DomainCatalog catalog, int distributions, List<FieldError> errors) {
    if (DomainCatalog.IMAGE.equals(catalog.modality())) {
      errors.add(
          new FieldError(
              "recommendMixture", "mixture recommendation needs a text dataset (domains)"));
      return;
    }
    if (study.attribution() != null) {
      errors.add(
          new FieldError("recommendMixture", "cannot be combined with attribution in one study"));
    }
    List<String> evalSets = study.evalSets() != null ? study.evalSets() : catalog.evalSets();
    if (target == null || !evalSets.contains(target)) {
      errors.add(
          new FieldError(
              "recommendMixture.target", "must be one of the study's evaluation sets " + evalSets));
    }
    range(errors, "recommendMixture.candidates", candidates, 1, MAX_MIXTURE_CANDIDATES, true);
    range(errors, "recommendMixture.randomMixtures", randomMixtures, 1, MAX_RANDOM_DRAWS, true);
    range(errors, "recommendMixture.topK", topK, 1, MAX_MIXTURE_CANDIDATES, true);
    if (topK != null && topK > candidatesOrDefault()) {
      errors.add(
          new FieldError(
              "recommendMixture.topK",
              "averages at most the " + candidatesOrDefault() + " candidates; got " + topK));
    }
    boolean subsets =
        (study.distributions() != null
                && study.distributions().stream().anyMatch(d -> d != null && d.hasSubset()))
            || (study.generated() != null && study.generated().randomSubsets() != null);
    if (subsets) {
      errors.add(
          new FieldError(
              "distributions", "a mixture recommendation needs mixtures of domains, not subsets"));
    }
    int needed = catalog.domains().size() + 1;
    if (distributions < needed) {
      errors.add(
          new FieldError(
              "distributions",
              "a mixture recommendation regresses on "
                  + catalog.domains().size()
                  + " domain weights: give at least "
                  + needed
                  + " distributions"));
    }
  }
}
