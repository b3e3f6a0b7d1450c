package io.s2l.attribution;

import java.util.Random;

/**
 * Plain double-precision reference algebra for the tests, independent of OpenBLAS: Gaussian
 * elimination with partial pivoting and naive products.
 */
final class Dense {

  private Dense() {}

  /** Solves a x = b for one right-hand side (a is n x n, not modified). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = new double[n + 1];
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] swap = m[c];
      m[c] = m[pivot];
      m[pivot] = swap;
      for (int r = c + 1; r < n; r++) {
        double factor = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= factor * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = m[r][n];
      for (int k = r + 1; k < n; k++) {
        sum -= m[r][k] * x[k];
      }
      x[r] = sum / m[r][r];
    }
    return x;
  }

  /** sum_i weight_i x_i x_i^T + lambda I, rows x_i of a row-major rows x k matrix. */
  static double[][] weightedGram(float[] x, int rows, int k, double[] weight, double lambda) {
    double[][] g = new double[k][k];
    for (int i = 0; i < rows; i++) {
      double w = weight == null ? 1 : weight[i];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          g[a][b] += w * x[i * k + a] * x[i * k + b];
        }
      }
    }
    for (int a = 0; a < k; a++) {
      g[a][a] += lambda;
    }
    return g;
  }

  /** Row-major rows x k matrix of standard normal values, rounded to float. */
  static float[] gaussian(Random random, int rows, int k) {
    float[] x = new float[rows * k];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
