package io.s2l.study;

/**
 * The mixture-recommendation part of a study (docs/science.md section 4.4, after RegMix): the proxy
 * scales train on the study's distributions (many random mixtures); per proxy scale, a linear
 * regression and gradient-boosted trees (XGBoost) predict the {@code target} evaluation set's loss
 * from the mixture weights; the mixture with the lowest predicted loss among {@code candidates}
 * random mixtures is recommended; the reference is trained only on the recommendations and on
 * {@code randomMixtures} random mixtures (the baseline), with the study's seeds, and the
 * recommendations are verified by the reference's loss on the target set.
 *
 * @param target the evaluation set whose loss the recommendation minimises
 * @param candidates random mixtures (flat Dirichlet) the regressions are searched over; 10,000 when
 *     null
 * @param randomMixtures random mixtures the reference trains on as the baseline; 3 when null
 * @param seed seed of the candidate and baseline mixtures; 0 when null
 */
public record MixtureRecommendationSpec(
    String target, Integer candidates, Integer randomMixtures, Long seed) {

  public static final String LINEAR = "linear";
  public static final String XGBOOST = "xgboost";
  public static final java.util.List<String> MODELS = java.util.List.of(LINEAR, XGBOOST);

  public int candidatesOrDefault() {
    return candidates != null ? candidates : 10_000;
  }

  public int randomMixturesOrDefault() {
    return randomMixtures != null ? randomMixtures : 3;
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
}
