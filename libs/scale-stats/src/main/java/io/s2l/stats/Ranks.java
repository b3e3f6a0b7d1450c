package io.s2l.stats;

import java.util.Arrays;

/** Ranks of a sample, the input of rank correlations. */
public final class Ranks {

  private Ranks() {}

  /**
   * Fractional ("average") ranks, 1-based: the i-th smallest value gets rank i, and a group of tied
   * values occupying positions i..j of the sorted sample each get the mean rank (i + j) / 2.
   * Equivalent to {@code scipy.stats.rankdata(x, method='average')}. -0.0 and 0.0 are tied.
   *
   * @param x the sample, any length, every value finite
   * @return a new array, {@code rank[k]} being the rank of {@code x[k]}
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static double[] average(double[] x) {
    Samples.requireFinite("x", x);
    return averageOfValid(x);
  }

  /** Average ranks of an already validated sample. */
  static double[] averageOfValid(double[] x) {
    int n = x.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Samples.compare(x[a], x[b]));
    double[] ranks = new double[n];
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && x[order[end]] == x[order[start]]) {
        end++;
      }
      // Sorted positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
      double rank = (start + 1 + end) / 2.0;
      for (int k = start; k < end; k++) {
        ranks[order[k]] = rank;
      }
      start = end;
    }
    return ranks;
  }
}
