package io.s2l.stats;

import java.util.SplittableRandom;

/**
 * Permutation test of "no relation" between paired samples x (proxy) and y (reference) for decision
 * accuracy, Spearman's rho and Kendall's tau-b (docs/science.md section 2.8). Under the null
 * hypothesis every pairing of the y values with the x values is equally likely, so the statistic T
 * of the observed pairing is compared with T over re-pairings y_{pi(1)}..y_{pi(K)}, one-sided
 * (alternative: positive association, which is what a recommendation needs):
 *
 * <pre>
 *   exact (K &lt;= 8):   p = #{ pi in S_K : T_pi &gt;= T_obs - gamma } / K!
 *   Monte Carlo:        p = (1 + #{ b &lt;= N : T_b &gt;= T_obs - gamma }) / (1 + N)
 * </pre>
 *
 * with gamma = 100 eps |T_obs| (eps the double machine epsilon) and pi_1..pi_N uniform random
 * permutations (Fisher-Yates, SplittableRandom from the seed). The rules, the tolerance and the
 * Monte Carlo correction (Phipson and Smyth 2010: the observed pairing counts as one of the
 * permutations, so p is never 0) are those of {@code scipy.stats.permutation_test(...,
 * permutation_type='pairings', alternative='greater')}; the statistics are computed from integer
 * pair counts and ranks, so ties among them are exact anyway.
 *
 * <p>Cost: O(K log K) per pairing for all three statistics together, so O(K! K log K) exact (at
 * most 40320 pairings) and O(N K log K) Monte Carlo: about 10^8 elementary steps for K = 1000 and
 * the default N = 9999. The exact test for K &lt;= 8 ignores N.
 *
 * @param permutations N, the number of random pairings beyond K = 8, at least 1
 * @param seed seed of the random pairings
 */
public record PermutationTest(int permutations, long seed) {

  /** The default N: the p-value's resolution is 1 / 10000. */
  public static final int DEFAULT_PERMUTATIONS = 9999;

  /** The largest K tested exactly, over all K! pairings (8! = 40320). */
  public static final int EXACT_MAX_DISTRIBUTIONS = 8;

  /** scipy's relative tolerance for "equal" statistics: 100 times the machine epsilon. */
  static final double RELATIVE_TOLERANCE = 100 * Math.ulp(1.0);

  /**
   * @throws IllegalArgumentException if permutations &lt; 1
   */
  public PermutationTest {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
    }
  }

  /** {@link #DEFAULT_PERMUTATIONS} random pairings from the given seed. */
  public static PermutationTest withSeed(long seed) {
    return new PermutationTest(DEFAULT_PERMUTATIONS, seed);
  }

  /**
   * @param x proxy values, one per training distribution
   * @param y reference values, same order
   * @return the three one-sided p-values, how they were obtained and over how many pairings
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public PermutationPValues pValues(double[] x, double[] y) {
    Samples.requirePaired(x, y);
    int n = x.length;
    PermutedAssociation association = new PermutedAssociation(x, y);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    double[] observed = new double[3];
    association.statistics(perm, observed);
    double[] threshold = new double[3];
    for (int s = 0; s < 3; s++) {
      threshold[s] = observed[s] - Math.abs(RELATIVE_TOLERANCE * observed[s]);
    }
    long[] atLeast = new long[3];
    double[] values = new double[3];
    boolean exact = n <= EXACT_MAX_DISTRIBUTIONS;
    long count;
    if (exact) {
      count = enumerate(association, perm, threshold, values, atLeast);
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      for (int b = 0; b < permutations; b++) {
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int swap = perm[i];
          perm[i] = perm[j];
          perm[j] = swap;
        }
        association.statistics(perm, values);
        tally(values, threshold, atLeast);
      }
      count = permutations;
    }
    int adjustment = exact ? 0 : 1;
    double[] p = new double[3];
    for (int s = 0; s < 3; s++) {
      p[s] =
          Double.isNaN(observed[s])
              ? Double.NaN
              : (double) (atLeast[s] + adjustment) / (count + adjustment);
    }
    return new PermutationPValues(
        p[0], p[1], p[2], exact ? PermutationPValues.EXACT : PermutationPValues.MONTE_CARLO, count);
  }

  /** Every permutation of perm (the identity on entry) by Heap's algorithm; returns K!. */
  private static long enumerate(
      PermutedAssociation association,
      int[] perm,
      double[] threshold,
      double[] values,
      long[] atLeast) {
    int n = perm.length;
    int[] c = new int[n];
    association.statistics(perm, values);
    tally(values, threshold, atLeast);
    long count = 1;
    int i = 1;
    while (i < n) {
      if (c[i] < i) {
        int j = i % 2 == 0 ? 0 : c[i];
        int swap = perm[i];
        perm[i] = perm[j];
        perm[j] = swap;
        association.statistics(perm, values);
        tally(values, threshold, atLeast);
        count++;
        c[i]++;
        i = 1;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return count;
  }

  private static void tally(double[] values, double[] threshold, long[] atLeast) {
    for (int s = 0; s < 3; s++) {
      if (values[s] >= threshold[s]) {
        atLeast[s]++;
      }
    }
  }
}
