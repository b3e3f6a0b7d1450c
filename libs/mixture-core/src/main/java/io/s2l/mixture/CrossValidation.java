package io.s2l.mixture;

import java.util.function.BiFunction;

/**
 * Leave-one-out residuals of a regression, {@code e_i = y_i - yhat_(-i)}: each mixture's loss minus
 * the prediction of the model fitted on all the others; and from them the leave-one-out R^2, {@code
 * 1 - sum e_i^2 / sum (y_i - mean y)^2} (docs/science.md section 4.4). With a few dozen proxy runs,
 * this says whether the regression predicts unseen mixtures at all.
 */
public final class CrossValidation {

  private CrossValidation() {}

  public static double leaveOneOutR2(
      BiFunction<double[][], double[], MixtureModel> fitter, double[][] weights, double[] losses) {
    return r2(losses, leaveOneOutResiduals(fitter, weights, losses));
  }

  /** {@code e_i = y_i - yhat_(-i)}, in the order of the mixtures; n fits. */
  public static double[] leaveOneOutResiduals(
      BiFunction<double[][], double[], MixtureModel> fitter, double[][] weights, double[] losses) {
    Samples.check(weights, losses);
    int n = losses.length;
    if (n < 3) {
      throw new IllegalArgumentException("leave-one-out needs at least 3 mixtures; got " + n);
    }
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      double[][] x = new double[n - 1][];
      double[] y = new double[n - 1];
      for (int j = 0, r = 0; j < n; j++) {
        if (j != i) {
          x[r] = weights[j];
          y[r++] = losses[j];
        }
      }
      residuals[i] = losses[i] - fitter.apply(x, y).predict(weights[i]);
    }
    return residuals;
  }

  /** {@code 1 - sum e_i^2 / sum (y_i - mean y)^2}; NaN when every loss is the same. */
  public static double r2(double[] losses, double[] residuals) {
    int n = losses.length;
    double mean = 0;
    for (double y : losses) {
      mean += y / n;
    }
    double residual = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      residual += residuals[i] * residuals[i];
      total += (losses[i] - mean) * (losses[i] - mean);
    }
    return total == 0 ? Double.NaN : 1 - residual / total;
  }
}
