package io.s2l.stats;

/**
 * The scale-correlation summary of docs/science.md section 2 for one evaluation set and one proxy
 * scale: x_k is the proxy's mean loss and y_k the reference's mean loss after training on
 * distribution D_k, k = 1..n.
 *
 * @param n number of training distributions (paired points)
 * @param pearsonR Pearson r, see {@link Correlation#pearson}
 * @param r2 R^2 of the least-squares line = pearsonR^2, see {@link LinearFit}
 * @param slope slope of reference loss on proxy loss, see {@link LinearFit}
 * @param intercept intercept of that line
 * @param spearman Spearman rho, see {@link Correlation#spearman}
 * @param kendall Kendall tau-b, see {@link Correlation#kendallTauB}
 * @param decisionAccuracy fraction of pairs ordered as the reference orders them, see {@link
 *     DecisionAccuracy}
 */
public record ScaleCorrelation(
    int n,
    double pearsonR,
    double r2,
    double slope,
    double intercept,
    double spearman,
    double kendall,
    double decisionAccuracy) {

  /**
   * Computes every statistic of the summary. Zero variance on either side yields NaN for the
   * correlations and R^2, as documented on each statistic.
   *
   * @param proxy x_k, proxy-model losses per training distribution
   * @param reference y_k, reference-model losses for the same distributions, same order
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public static ScaleCorrelation of(double[] proxy, double[] reference) {
    LinearFit fit = LinearFit.of(proxy, reference);
    return new ScaleCorrelation(
        proxy.length,
        Correlation.pearson(proxy, reference),
        fit.r2(),
        fit.slope(),
        fit.intercept(),
        Correlation.spearman(proxy, reference),
        Correlation.kendallTauB(proxy, reference),
        DecisionAccuracy.of(proxy, reference));
  }
}
