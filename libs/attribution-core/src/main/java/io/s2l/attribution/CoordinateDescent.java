package io.s2l.attribution;

/**
 * Cyclic coordinate descent for the LASSO on centred indicator columns (Friedman, Hastie,
 * Tibshirani, "Regularization Paths for Generalized Linear Models via Coordinate Descent", J. Stat.
 * Softw. 33(1), 2010), minimising
 *
 * <pre>
 *   (1/(2m)) ||yc - Xc w||^2 + lambda ||w||_1
 * </pre>
 *
 * with yc = y - mean(y) and Xc = X - 1 xbar^T, which is the problem with an unpenalised intercept b
 * = mean(y) - xbar^T w. The update of w_i is the soft-thresholded univariate fit
 *
 * <pre>
 *   w_i = S( xc_i^T r / m + v_i w_i , lambda ) / v_i,   S(z, l) = sign(z) max(|z| - l, 0)
 * </pre>
 *
 * with r the current residual. Keeps its weights between calls, so solving along a decreasing
 * lambda path warm-starts each fit from the previous one; after a full sweep it iterates on the
 * non-zero weights until they settle, then checks with another full sweep (glmnet's active-set
 * strategy).
 *
 * <p>Sparse: a centred column is 1 - xbar_i on its member rows and -xbar_i elsewhere; since the
 * residual sums to zero, xc_i^T r = sum of r over the members, and the update r -= delta xc_i is
 * applied as r_j -= delta on the members plus a shared offset r += delta xbar_i for all rows. One
 * coordinate costs O(members), not O(m).
 *
 * <p>Converged when a sweep moves no prediction much: max_i v_i delta_i^2 &lt;= TOLERANCE var(y),
 * glmnet's criterion. At most MAX_SWEEPS sweeps per call.
 */
final class CoordinateDescent {

  static final double TOLERANCE = 1e-10;
  static final int MAX_SWEEPS = 100_000;

  private final IndicatorDesign x;
  private final double[] residual;
  private final double[] w;
  private final double threshold;
  private double shift; // the true residual is residual[j] + shift

  /**
   * @param centred yc = y - mean(y), one value per row of x; not modified
   */
  CoordinateDescent(IndicatorDesign x, double[] centred) {
    this.x = x;
    this.residual = centred.clone();
    this.w = new double[x.columns()];
    double sumSquares = 0;
    for (double v : centred) {
      sumSquares += v * v;
    }
    this.threshold = TOLERANCE * sumSquares / centred.length;
  }

  /**
   * Minimises the objective at lambda, starting from the current weights.
   *
   * @return whether it converged within MAX_SWEEPS sweeps
   */
  boolean solve(double lambda) {
    int sweeps = 0;
    while (sweeps < MAX_SWEEPS) {
      double change = sweep(lambda, null);
      sweeps++;
      if (change <= threshold) {
        fold();
        return true;
      }
      int[] active = active();
      while (sweeps < MAX_SWEEPS) {
        change = sweep(lambda, active);
        sweeps++;
        if (change <= threshold) {
          break;
        }
      }
      fold();
    }
    return false;
  }

  /** The current weights (a view; copy before solving again). */
  double[] weights() {
    return w;
  }

  /** One pass over the given coordinates (all when null); returns max_i v_i delta_i^2. */
  private double sweep(double lambda, int[] coordinates) {
    int count = coordinates == null ? w.length : coordinates.length;
    double change = 0;
    for (int c = 0; c < count; c++) {
      int i = coordinates == null ? c : coordinates[c];
      double v = x.variance[i];
      if (v == 0) {
        continue; // constant column: not identifiable, its weight stays 0
      }
      int[] rows = x.members[i];
      double dot = rows.length * shift;
      for (int j : rows) {
        dot += residual[j];
      }
      double z = dot / x.rows + v * w[i];
      double updated = softThreshold(z, lambda) / v;
      double delta = updated - w[i];
      if (delta != 0) {
        for (int j : rows) {
          residual[j] -= delta;
        }
        shift += delta * x.mean[i];
        w[i] = updated;
        change = Math.max(change, v * delta * delta);
      }
    }
    return change;
  }

  private int[] active() {
    int count = 0;
    for (double weight : w) {
      if (weight != 0) {
        count++;
      }
    }
    int[] active = new int[count];
    int next = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0) {
        active[next++] = i;
      }
    }
    return active;
  }

  /** Folds the shared offset into the residual, so that it cannot grow and cost precision. */
  private void fold() {
    for (int j = 0; j < residual.length; j++) {
      residual[j] += shift;
    }
    shift = 0;
  }

  static double softThreshold(double z, double lambda) {
    return z > lambda ? z - lambda : (z < -lambda ? z + lambda : 0);
  }
}
