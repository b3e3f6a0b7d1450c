package io.s2l.stats;

/**
 * Correlation coefficients between paired samples x (proxy losses) and y (reference losses).
 *
 * <p>All methods require {@code x.length == y.length >= 3} and finite values, and throw {@link
 * IllegalArgumentException} otherwise. All return {@code NaN} when x or y has zero variance (all of
 * its values equal): the coefficient is 0/0 there, and a constant proxy cannot be said to track
 * anything.
 */
public final class Correlation {

  private Correlation() {}

  /**
   * Pearson's product-moment correlation
   *
   * <pre>
   *   r = sum_i (x_i - mean(x)) (y_i - mean(y))
   *       / sqrt( sum_i (x_i - mean(x))^2 * sum_i (y_i - mean(y))^2 )
   * </pre>
   *
   * computed in two passes (means first, then centred sums), with the centred values scaled by
   * their largest magnitude so that squares cannot overflow or underflow, and the result clipped to
   * [-1, 1]. Matches {@code scipy.stats.pearsonr(x, y).statistic}.
   *
   * @return r in [-1, 1], or NaN if x or y has zero variance
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public static double pearson(double[] x, double[] y) {
    Samples.requirePaired(x, y);
    return pearsonOfValid(x, y);
  }

  /**
   * Spearman's rank correlation: Pearson's r of the average ranks, {@code rho = pearson(rank(x),
   * rank(y))} with ties given their mean rank ({@link Ranks#average}). Matches {@code
   * scipy.stats.spearmanr(x, y).statistic}.
   *
   * @return rho in [-1, 1], or NaN if x or y has zero variance
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public static double spearman(double[] x, double[] y) {
    Samples.requirePaired(x, y);
    return pearsonOfValid(Ranks.averageOfValid(x), Ranks.averageOfValid(y));
  }

  /**
   * Kendall's tau-b, the tie-corrected rank correlation
   *
   * <pre>
   *   tau_b = (C - D) / sqrt( (n0 - n1) (n0 - n2) )
   * </pre>
   *
   * where C and D count concordant and discordant pairs, n0 = n (n - 1) / 2, n1 = sum_i t_i (t_i -
   * 1) / 2 over groups of t_i tied x values and n2 likewise for y. Computed in O(n log n) with
   * Knight's algorithm (Knight 1966, "A computer method for calculating Kendall's tau with
   * ungrouped data", JASA 61(314)). Matches {@code scipy.stats.kendalltau(x, y).statistic} (default
   * variant 'b').
   *
   * @return tau-b in [-1, 1], or NaN if x or y has zero variance
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public static double kendallTauB(double[] x, double[] y) {
    Samples.requirePaired(x, y);
    return PairCounts.of(x, y).kendallTauB();
  }

  /** Pearson's r of an already validated pair; see {@link #pearson}. */
  static double pearsonOfValid(double[] x, double[] y) {
    if (Samples.isConstant(x) || Samples.isConstant(y)) {
      return Double.NaN;
    }
    double[] dx = scaledDeviations(x);
    double[] dy = scaledDeviations(y);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < dx.length; i++) {
      sxx += dx[i] * dx[i];
      syy += dy[i] * dy[i];
      sxy += dx[i] * dy[i];
    }
    double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
    return Math.max(-1.0, Math.min(1.0, r));
  }

  /**
   * (v_i - mean(v)) / max_j |v_j - mean(v)|. r is invariant to this scaling, which keeps the sums
   * of squares in range. The divisor is non-zero because v is not constant.
   */
  private static double[] scaledDeviations(double[] v) {
    double mean = Samples.mean(v);
    double[] d = new double[v.length];
    double max = 0;
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i] - mean;
      max = Math.max(max, Math.abs(d[i]));
    }
    for (int i = 0; i < d.length; i++) {
      d[i] /= max;
    }
    return d;
  }
}
