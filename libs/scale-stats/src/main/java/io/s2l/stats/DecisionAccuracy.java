package io.s2l.stats;

/**
 * Decision accuracy (DataDecide, Magnusson et al. 2025): how often the proxy orders a pair of
 * training distributions the way the reference does.
 *
 * <pre>
 *   DA = #{ A &lt; B : y_A != y_B and sign(x_A - x_B) = sign(y_A - y_B) }
 *        / #{ A &lt; B : y_A != y_B }
 * </pre>
 *
 * <p>Ties convention. x is the proxy, y the reference:
 *
 * <ul>
 *   <li>a pair tied in y is left out of numerator and denominator: the reference expresses no
 *       preference, so there is no decision to get right;
 *   <li>a pair tied in x but not in y counts as a disagreement: the reference has a preference and
 *       the proxy failed to make the decision.
 * </ul>
 *
 * Hence DA = C / (n0 - n2) with C the concordant pairs, n0 = n (n - 1) / 2 and n2 the pairs tied in
 * y; computed in O(n log n) from Knight's pair counts (see {@link Correlation#kendallTauB}).
 */
public final class DecisionAccuracy {

  private DecisionAccuracy() {}

  /**
   * @param x proxy values (e.g. mean proxy loss per training distribution)
   * @param y reference values, same order
   * @return the fraction in [0, 1], or NaN if y is constant (no pair is countable)
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public static double of(double[] x, double[] y) {
    Samples.requirePaired(x, y);
    PairCounts counts = PairCounts.of(x, y);
    long countable = counts.total() - counts.yTies();
    if (countable == 0) {
      return Double.NaN;
    }
    return (double) counts.concordant() / countable;
  }
}
