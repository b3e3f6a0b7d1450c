package io.s2l.mixture;

import java.util.function.BiFunction;

/**
 * Leave-one-out R^2 of a regression: each mixture's loss predicted by the model fitted on all the
 * others, {@code 1 - sum (y - y_hat)^2 / sum (y - mean y)^2}. With a few dozen proxy runs, this
 * says whether the regression predicts unseen mixtures at all.
 */
public final class CrossValidation {

  private CrossValidation() {}

  public static double leaveOneOutR2(
      BiFunction<double[][], double[], MixtureModel> fitter, double[][] weights, double[] losses) {
    Samples.check(weights, losses);
    int n = losses.length;
    if (n < 3) {
      throw new IllegalArgumentException("leave-one-out needs at least 3 mixtures; got " + n);
    }
    double mean = 0;
    for (double y : losses) {
      mean += y / n;
    }
    double residual = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double[][] x = new double[n - 1][];
      double[] y = new double[n - 1];
      for (int j = 0, r = 0; j < n; j++) {
        if (j != i) {
          x[r] = weights[j];
          y[r++] = losses[j];
        }
      }
      double predicted = fitter.apply(x, y).predict(weights[i]);
      residual += (losses[i] - predicted) * (losses[i] - predicted);
      total += (losses[i] - mean) * (losses[i] - mean);
    }
    return total == 0 ? Double.NaN : 1 - residual / total;
  }
}
