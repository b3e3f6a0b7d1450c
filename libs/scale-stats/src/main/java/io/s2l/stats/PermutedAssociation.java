package io.s2l.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Decision accuracy, Spearman and Kendall tau-b of x against a re-pairing of y, computed again and
 * again for the permutation test ({@link PermutationTest}). What does not depend on the pairing is
 * computed once: the order of x and its groups of ties, twice the centred average ranks of both
 * sides (integers), the dense ranks of y and the tie counts n1, n2.
 *
 * <p>Pairing {@code perm} puts y_{perm[i]} beside x_i. Walking the x groups in increasing x, a
 * Fenwick tree over the dense ranks of y holds the points of earlier groups; a point's earlier
 * points with smaller y are concordant pairs, those with larger y discordant. Every count is an
 * integer, so pairings that give the same statistic in theory give the same double. O(K log K) per
 * pairing, O(K) memory, no allocation per pairing.
 */
final class PermutedAssociation {

  private final int n;
  private final int[] xOrder; // indices sorted by x
  private final int[] groupEnd; // groupEnd[p]: end of the x-tie group holding sorted position p
  private final long[] rankX2; // 2 rank(x_i) - (n + 1)
  private final long[] rankY2; // 2 rank(y_j) - (n + 1)
  private final int[] denseY; // 1-based dense rank of y_j
  private final long total;
  private final long xTies;
  private final long yTies;
  private final double rankNorm; // sqrt(sum rankX2^2 * sum rankY2^2)
  private final int[] tree;

  PermutedAssociation(double[] x, double[] y) {
    n = x.length;
    xOrder = sortedOrder(x);
    groupEnd = new int[n];
    long ties = 0;
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n && x[xOrder[end]] == x[xOrder[start]]) {
        end++;
      }
      Arrays.fill(groupEnd, start, end, end);
      ties += Samples.pairs(end - start);
      start = end;
    }
    xTies = ties;
    total = Samples.pairs(n);
    rankX2 = twiceCentredRanks(x);
    rankY2 = twiceCentredRanks(y);
    denseY = denseRanks(y);
    int ranks = Arrays.stream(denseY).max().orElseThrow();
    long[] counts = new long[ranks + 1];
    for (int rank : denseY) {
      counts[rank]++;
    }
    yTies = Arrays.stream(counts).map(Samples::pairs).sum();
    rankNorm = Math.sqrt((double) sumOfSquares(rankX2) * sumOfSquares(rankY2));
    tree = new int[ranks + 1];
  }

  /** Whether x or y has a single value: then Spearman and Kendall are NaN on every pairing. */
  boolean constantSide() {
    return xTies == total || yTies == total;
  }

  /** Whether y has a single value: then decision accuracy is NaN on every pairing. */
  boolean constantY() {
    return yTies == total;
  }

  /**
   * The statistics of the pairing into {@code out}: decision accuracy C / (n0 - n2), Spearman sum_i
   * a_i b_{perm[i]} / sqrt(sum a^2 sum b^2) with a, b twice the centred ranks, and tau-b, each NaN
   * where a side is constant as in {@link Correlation} and {@link DecisionAccuracy}.
   */
  void statistics(int[] perm, double[] out) {
    Arrays.fill(tree, 0);
    long concordant = 0;
    long discordant = 0;
    long cross = 0;
    int inserted = 0;
    for (int start = 0; start < n; ) {
      int end = groupEnd[start];
      for (int p = start; p < end; p++) {
        int i = xOrder[p];
        int j = perm[i];
        cross += rankX2[i] * rankY2[j];
        int rank = denseY[j];
        int below = prefix(rank - 1);
        concordant += below;
        discordant += inserted - prefix(rank);
      }
      for (int p = start; p < end; p++) {
        add(denseY[perm[xOrder[p]]]);
      }
      inserted += end - start;
      start = end;
    }
    out[0] = constantY() ? Double.NaN : (double) concordant / (total - yTies);
    out[1] = constantSide() ? Double.NaN : Math.max(-1.0, Math.min(1.0, cross / rankNorm));
    out[2] =
        constantSide()
            ? Double.NaN
            : PairCounts.tauB(concordant - discordant, total - xTies, total - yTies);
  }

  private int prefix(int rank) {
    int sum = 0;
    for (int r = rank; r > 0; r -= r & -r) {
      sum += tree[r];
    }
    return sum;
  }

  private void add(int rank) {
    for (int r = rank; r < tree.length; r += r & -r) {
      tree[r]++;
    }
  }

  private static int[] sortedOrder(double[] v) {
    return IntStream.range(0, v.length)
        .boxed()
        .sorted((a, b) -> Samples.compare(v[a], v[b]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** 1-based dense ranks: the smallest value 1, the next larger 2, ...; equal values share one. */
  private static int[] denseRanks(double[] v) {
    int[] order = sortedOrder(v);
    int[] ranks = new int[v.length];
    int rank = 0;
    for (int p = 0; p < order.length; p++) {
      if (p == 0 || v[order[p]] != v[order[p - 1]]) {
        rank++;
      }
      ranks[order[p]] = rank;
    }
    return ranks;
  }

  /** 2 rank - (n + 1) with average ranks: an integer, since tied groups share (i + j) / 2. */
  private static long[] twiceCentredRanks(double[] v) {
    double[] ranks = Ranks.averageOfValid(v);
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.round(2 * ranks[i]) - (v.length + 1);
    }
    return out;
  }

  private static long sumOfSquares(long[] v) {
    long sum = 0;
    for (long a : v) {
      sum += a * a;
    }
    return sum;
  }
}
