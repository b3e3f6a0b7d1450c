package io.s2l.stats.study;

/**
 * The statistic whose lower confidence bound must clear the threshold for a proxy to be recommended
 * (docs/science.md section 2.7, "The cheapest-proxy recommendation").
 */
public enum RecommendationMetric {
  /** Decision accuracy: the fraction of distribution pairs the proxy orders as the reference. */
  DECISION_ACCURACY("decisionAccuracy", "decision accuracy"),
  /** R^2 of the least-squares line of reference loss on proxy loss across distributions. */
  R2("r2", "R^2");

  private final String statistic;
  private final String label;

  RecommendationMetric(String statistic, String label) {
    this.statistic = statistic;
    this.label = label;
  }

  /** The key of the statistic in {@link ProxyEvalResult#ci95()}. */
  public String statistic() {
    return statistic;
  }

  /** A human-readable name, used in {@link Recommendation#reason()}. */
  public String label() {
    return label;
  }
}
