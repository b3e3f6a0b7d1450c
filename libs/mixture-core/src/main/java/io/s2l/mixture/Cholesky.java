package io.s2l.mixture;

/** Solves a small symmetric positive-definite system. */
final class Cholesky {

  private Cholesky() {}

  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int p = 0; p < j; p++) {
          s -= l[i][p] * l[j][p];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalArgumentException("the normal equations are not positive definite");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int p = 0; p < i; p++) {
        s -= l[i][p] * y[p];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int p = i + 1; p < n; p++) {
        s -= l[p][i] * x[p];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
