package io.s2l.stats;

/**
 * One-sided permutation p-values against "no relation" between x and y (alternative: positive
 * association), from {@link PermutationTest}.
 *
 * @param decisionAccuracy p-value of decision accuracy, NaN if y is constant
 * @param spearman p-value of Spearman's rho, NaN if x or y is constant
 * @param kendall p-value of Kendall's tau-b, NaN if x or y is constant
 * @param method {@link #EXACT} (all K! pairings) or {@link #MONTE_CARLO} (random pairings)
 * @param permutations the number of pairings the p-values count over: K! when exact, N otherwise
 */
public record PermutationPValues(
    double decisionAccuracy, double spearman, double kendall, String method, long permutations) {

  /** Every pairing enumerated. */
  public static final String EXACT = "exact";

  /** Randomly drawn pairings. */
  public static final String MONTE_CARLO = "monte-carlo";
}
