package io.s2l.stats;

import java.util.Arrays;

/**
 * Pair counts of a paired sample, the common ground of Kendall's tau-b and decision accuracy.
 *
 * <p>Over the n0 = n (n - 1) / 2 unordered pairs (i, j): {@code xTies} pairs with x_i = x_j, {@code
 * yTies} pairs with y_i = y_j, {@code jointTies} pairs tied in both, {@code discordant} pairs with
 * (x_i - x_j)(y_i - y_j) &lt; 0. Since every pair is concordant, discordant, tied in x only, tied
 * in y only or tied in both, the concordant count follows: C = n0 - n1 - n2 + n3 - D.
 *
 * <p>Knight's algorithm (1966): sort by (x, y), read off the x ties and the joint ties, then merge
 * sort the y values in that order; the number of exchanges (inversions) is D. O(n log n).
 */
record PairCounts(long total, long xTies, long yTies, long jointTies, long discordant) {

  /** Counts the pairs of an already validated sample. */
  static PairCounts of(double[] x, double[] y) {
    int n = x.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        (a, b) -> {
          int byX = Samples.compare(x[a], x[b]);
          return byX != 0 ? byX : Samples.compare(y[a], y[b]);
        });

    long xTies = 0;
    long jointTies = 0;
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && x[order[end]] == x[order[start]]) {
        end++;
      }
      xTies += Samples.pairs(end - start);
      jointTies += tiedPairs(order, y, start, end);
      start = end;
    }

    double[] ys = new double[n];
    for (int k = 0; k < n; k++) {
      ys[k] = y[order[k]];
    }
    long discordant = sortCountingInversions(ys);
    long yTies = tiedPairs(ys);
    return new PairCounts(Samples.pairs(n), xTies, yTies, jointTies, discordant);
  }

  /** Pairs ordered the same way by x and y: C = n0 - n1 - n2 + n3 - D. */
  long concordant() {
    return total - xTies - yTies + jointTies - discordant;
  }

  /** (C - D) / sqrt((n0 - n1)(n0 - n2)), NaN if either side is all ties. */
  double kendallTauB() {
    if (xTies == total || yTies == total) {
      return Double.NaN;
    }
    return tauB(total - xTies - yTies + jointTies - 2 * discordant, total - xTies, total - yTies);
  }

  /**
   * (C - D) / sqrt((n0 - n1)(n0 - n2)), clipped to [-1, 1]. One square root of the product (exact
   * in double while it is below 2^53) rather than scipy's two quotients, so that a perfectly
   * concordant sample gives exactly 1 rather than 1 - 2 ulp.
   */
  static double tauB(long concordantMinusDiscordant, long xUntied, long yUntied) {
    double tau = concordantMinusDiscordant / Math.sqrt((double) xUntied * yUntied);
    return Math.max(-1.0, Math.min(1.0, tau));
  }

  /** Tied pairs among values[order[start..end)], which are sorted so ties are adjacent. */
  private static long tiedPairs(Integer[] order, double[] values, int start, int end) {
    long ties = 0;
    int run = start;
    for (int k = start + 1; k <= end; k++) {
      if (k == end || values[order[k]] != values[order[run]]) {
        ties += Samples.pairs(k - run);
        run = k;
      }
    }
    return ties;
  }

  /** Tied pairs in a sorted array. */
  private static long tiedPairs(double[] sorted) {
    long ties = 0;
    int run = 0;
    for (int k = 1; k <= sorted.length; k++) {
      if (k == sorted.length || sorted[k] != sorted[run]) {
        ties += Samples.pairs(k - run);
        run = k;
      }
    }
    return ties;
  }

  /**
   * Sorts {@code values} ascending in place with a bottom-up merge sort and returns the number of
   * strict inversions (i &lt; j, values[i] &gt; values[j]); equal values are not inversions.
   */
  private static long sortCountingInversions(double[] values) {
    int n = values.length;
    double[] src = values;
    double[] dst = new double[n];
    long inversions = 0;
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          if (src[i] <= src[j]) {
            dst[k++] = src[i++];
          } else {
            // src[j] jumps ahead of every element left in the left run.
            inversions += mid - i;
            dst[k++] = src[j++];
          }
        }
        while (i < mid) {
          dst[k++] = src[i++];
        }
        while (j < hi) {
          dst[k++] = src[j++];
        }
      }
      double[] swap = src;
      src = dst;
      dst = swap;
    }
    if (src != values) {
      System.arraycopy(src, 0, values, 0, n);
    }
    return inversions;
  }
}
