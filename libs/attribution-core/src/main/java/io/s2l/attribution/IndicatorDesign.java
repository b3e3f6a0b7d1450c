package io.s2l.attribution;

/**
 * The design matrix of a datamodel regression, column by column: x_ji = 1 if pool example i is in
 * subset j, for a selection of the subsets (all of them, or the training rows of a CV fold). Held
 * sparsely, as the rows where each column is 1, with the column means xbar_i and the variances v_i
 * = ||x_i - xbar_i||^2 / m = xbar_i (1 - xbar_i) that coordinate descent on centred columns needs.
 */
final class IndicatorDesign {

  /** Number of rows (subsets) m. */
  final int rows;

  /** For each pool example i, the ascending rows (0..m-1 within the selection) that contain it. */
  final int[][] members;

  /** xbar_i, the fraction of rows that contain example i. */
  final double[] mean;

  /** v_i = xbar_i (1 - xbar_i); 0 for an example in every row or in none. */
  final double[] variance;

  private IndicatorDesign(int rows, int[][] members, double[] mean, double[] variance) {
    this.rows = rows;
    this.members = members;
    this.mean = mean;
    this.variance = variance;
  }

  /** The design of the given rows of subsets (indices into subsets, in that order). */
  static IndicatorDesign of(boolean[][] subsets, int[] selection) {
    int n = subsets[0].length;
    int[] counts = new int[n];
    for (int row : selection) {
      boolean[] subset = subsets[row];
      for (int i = 0; i < n; i++) {
        if (subset[i]) {
          counts[i]++;
        }
      }
    }
    int[][] members = new int[n][];
    for (int i = 0; i < n; i++) {
      members[i] = new int[counts[i]];
    }
    int[] filled = new int[n];
    for (int local = 0; local < selection.length; local++) {
      boolean[] subset = subsets[selection[local]];
      for (int i = 0; i < n; i++) {
        if (subset[i]) {
          members[i][filled[i]++] = local;
        }
      }
    }
    int m = selection.length;
    double[] mean = new double[n];
    double[] variance = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = (double) counts[i] / m;
      variance[i] = counts[i] == 0 || counts[i] == m ? 0 : mean[i] * (1 - mean[i]);
    }
    return new IndicatorDesign(m, members, mean, variance);
  }

  /** The design of all subsets. */
  static IndicatorDesign of(boolean[][] subsets) {
    int[] all = new int[subsets.length];
    for (int j = 0; j < all.length; j++) {
      all[j] = j;
    }
    return of(subsets, all);
  }

  int columns() {
    return members.length;
  }

  /**
   * lambda_max = max_i |(x_i - xbar_i)^T yc| / m for centred yc: the smallest lambda at which every
   * LASSO weight is 0.
   */
  double lambdaMax(double[] centred) {
    double max = 0;
    for (int i = 0; i < members.length; i++) {
      if (variance[i] == 0) {
        continue;
      }
      double dot = 0;
      for (int j : members[i]) {
        dot += centred[j]; // sum_j yc_j = 0, so the xbar_i term drops out
      }
      max = Math.max(max, Math.abs(dot));
    }
    return max / rows;
  }
}
