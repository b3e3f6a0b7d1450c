package io.s2l.attribution;

import java.util.SplittableRandom;

/**
 * The lambda path and K-fold cross-validation of {@link Lasso#fitCrossValidated}, set up once per
 * subset matrix and reused for every target of {@link Lasso#datamodels}: the designs of the full
 * data and of each fold's training rows are built here and shared (they are read-only).
 *
 * <p>Path: PATH_LENGTH values of lambda, log-spaced from lambda_max (where every weight is 0) down
 * to PATH_RATIO lambda_max, computed on the full data and used for every fold (as glmnet's
 * cv.glmnet does). Each fold fits the whole path with warm starts, predicts its held-out rows at
 * every lambda, and the lambda with the smallest total held-out squared error wins (the first, i.e.
 * the largest, on ties). The returned fit is the full-data fit at that lambda, reached along the
 * same path.
 */
final class LassoPath {

  static final int PATH_LENGTH = 50;
  static final double PATH_RATIO = 1e-3;

  private final IndicatorDesign full;
  private final int[][] rowMembers;
  private final int[][] trainRows;
  private final int[][] heldOutRows;
  private final IndicatorDesign[] foldDesigns;

  LassoPath(boolean[][] subsets, int folds, long seed) {
    int m = subsets.length;
    if (folds < 2 || folds > m) {
      throw new IllegalArgumentException(
          "folds must be between 2 and the number of subsets (" + m + "), got " + folds);
    }
    full = IndicatorDesign.of(subsets);
    rowMembers = Subsets.members(subsets);
    int[] order = shuffled(m, seed);
    trainRows = new int[folds][];
    heldOutRows = new int[folds][];
    foldDesigns = new IndicatorDesign[folds];
    for (int f = 0; f < folds; f++) {
      int held = (m - f + folds - 1) / folds; // positions p with p % folds == f
      heldOutRows[f] = new int[held];
      trainRows[f] = new int[m - held];
      int h = 0;
      int t = 0;
      for (int p = 0; p < m; p++) {
        if (p % folds == f) {
          heldOutRows[f][h++] = order[p];
        } else {
          trainRows[f][t++] = order[p];
        }
      }
      foldDesigns[f] = IndicatorDesign.of(subsets, trainRows[f]);
    }
  }

  /** The cross-validated fit for outputs y (one per subset). */
  Lasso.Fit fit(double[] y) {
    double[] grid = grid(full.lambdaMax(centred(y, null)));
    double[] error = new double[grid.length];
    for (int f = 0; f < foldDesigns.length; f++) {
      addHeldOutErrors(f, y, grid, error);
    }
    int best = 0;
    for (int l = 1; l < grid.length; l++) {
      if (error[l] < error[best]) {
        best = l;
      }
    }
    CoordinateDescent descent = new CoordinateDescent(full, centred(y, null));
    boolean converged = true;
    for (int l = 0; l <= best; l++) {
      converged = descent.solve(grid[l]);
    }
    return Lasso.fitOf(full, mean(y, null), descent.weights(), grid[best], converged);
  }

  private void addHeldOutErrors(int f, double[] y, double[] grid, double[] error) {
    IndicatorDesign design = foldDesigns[f];
    double mean = mean(y, trainRows[f]);
    CoordinateDescent descent = new CoordinateDescent(design, centred(y, trainRows[f]));
    for (int l = 0; l < grid.length; l++) {
      descent.solve(grid[l]);
      double[] w = descent.weights();
      double intercept = mean;
      for (int i = 0; i < w.length; i++) {
        intercept -= w[i] * design.mean[i];
      }
      for (int j : heldOutRows[f]) {
        double prediction = intercept;
        for (int i : rowMembers[j]) {
          prediction += w[i];
        }
        double residual = y[j] - prediction;
        error[l] += residual * residual;
      }
    }
  }

  /** lambda_max r^(l / (L - 1)), l = 0..L-1; just {0} when lambda_max is 0 (nothing to fit). */
  static double[] grid(double lambdaMax) {
    if (lambdaMax == 0) {
      return new double[] {0};
    }
    double[] grid = new double[PATH_LENGTH];
    for (int l = 0; l < PATH_LENGTH; l++) {
      grid[l] = lambdaMax * Math.pow(PATH_RATIO, (double) l / (PATH_LENGTH - 1));
    }
    return grid;
  }

  /** y restricted to rows (all when null), minus its mean. */
  static double[] centred(double[] y, int[] rows) {
    double mean = mean(y, rows);
    int m = rows == null ? y.length : rows.length;
    double[] centred = new double[m];
    for (int j = 0; j < m; j++) {
      centred[j] = y[rows == null ? j : rows[j]] - mean;
    }
    return centred;
  }

  static double mean(double[] y, int[] rows) {
    int m = rows == null ? y.length : rows.length;
    double sum = 0;
    for (int j = 0; j < m; j++) {
      sum += y[rows == null ? j : rows[j]];
    }
    return sum / m;
  }

  /** A uniformly random permutation of 0..m-1 (Fisher-Yates) from the seed. */
  private static int[] shuffled(int m, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[m];
    for (int j = 0; j < m; j++) {
      order[j] = j;
    }
    for (int j = m - 1; j > 0; j--) {
      int swap = random.nextInt(j + 1);
      int value = order[j];
      order[j] = order[swap];
      order[swap] = value;
    }
    return order;
  }
}
