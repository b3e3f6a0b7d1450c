package io.s2l.attribution;

import io.s2l.stats.Interruption;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * LASSO datamodels (Ilyas et al., "Datamodels: Predicting Predictions from Training Data", ICML
 * 2022; docs/science.md section 3.5): the ground-truth attribution where training many models is
 * affordable. Models are trained on m random subsets S_j of the pool; for one target, its outputs
 * y_j = f(z; theta(S_j)) are regressed on the subset indicators x_ji = 1[i in S_j]:
 *
 * <pre>
 *   minimise over b, w:  (1/(2m)) ||y - b - X w||^2 + lambda ||w||_1
 * </pre>
 *
 * by cyclic coordinate descent ({@link CoordinateDescent}). The intercept is not penalised.
 *
 * <p>Not standardised: the columns are centred but not scaled to unit variance (glmnet's {@code
 * standardize = FALSE}, scikit-learn's {@code Lasso}). The weights, and the penalty, stay in output
 * units per example: w_i is directly a datamodel weight tau(z)_i, comparable to TRAK's. Under the
 * usual design (every subset a random alpha fraction of the pool) all columns have about the same
 * variance alpha (1 - alpha), so standardising would only rescale lambda. An example in every
 * subset or in none has no identifiable effect; its weight is 0.
 */
public final class Lasso {

  private Lasso() {}

  /**
   * A fitted linear datamodel f_hat(S) = intercept + sum_{i in S} weights[i].
   *
   * @param intercept b
   * @param weights w, one per pool example
   * @param lambda the penalty it was fitted with
   * @param converged whether coordinate descent met its tolerance (see {@link CoordinateDescent});
   *     false means the weights are the last iterate
   */
  public record Fit(double intercept, double[] weights, double lambda, boolean converged) {

    /** The prediction for a subset given as membership flags. */
    public double predict(boolean[] subset) {
      if (subset.length != weights.length) {
        throw new IllegalArgumentException(
            "subset has " + subset.length + " entries, the pool " + weights.length);
      }
      double sum = intercept;
      for (int i = 0; i < subset.length; i++) {
        if (subset[i]) {
          sum += weights[i];
        }
      }
      return sum;
    }
  }

  /**
   * Fits the LASSO at a given lambda.
   *
   * @param subsets m x n membership, m &gt;= 2
   * @param outputs y, m finite values
   * @param lambda penalty, finite and &gt;= 0
   * @throws IllegalArgumentException on inconsistent shapes, non-finite outputs or a bad lambda
   */
  public static Fit fit(boolean[][] subsets, double[] outputs, double lambda) {
    validate(subsets, outputs);
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
    }
    IndicatorDesign design = IndicatorDesign.of(subsets);
    CoordinateDescent descent = new CoordinateDescent(design, LassoPath.centred(outputs, null));
    boolean converged = descent.solve(lambda);
    return fitOf(design, LassoPath.mean(outputs, null), descent.weights(), lambda, converged);
  }

  /**
   * Fits the LASSO with lambda chosen by K-fold cross-validation on a log grid from lambda_max
   * down, with warm starts along the path (see {@link LassoPath}).
   *
   * @param folds K, between 2 and m
   * @param seed seed of the random assignment of subsets to folds
   * @throws IllegalArgumentException on inconsistent shapes, non-finite outputs or bad folds
   */
  public static Fit fitCrossValidated(boolean[][] subsets, double[] outputs, int folds, long seed) {
    validate(subsets, outputs);
    return new LassoPath(subsets, folds, seed).fit(outputs);
  }

  /**
   * One cross-validated LASSO datamodel per target, its weights as attribution scores. The folds
   * are the same for every target; targets are fitted in parallel (the result does not depend on
   * the scheduling).
   *
   * @param outputs m x t: outputs[j][z] = f(z; theta(S_j))
   * @return the weights w(z), targets x pool (intercepts are dropped)
   * @throws IllegalArgumentException on inconsistent shapes, non-finite outputs or bad folds
   * @throws java.util.concurrent.CancellationException when the calling thread is interrupted,
   *     before the next target ({@link Interruption})
   */
  public static Scores datamodels(boolean[][] subsets, double[][] outputs, int folds, long seed) {
    int pool = validateSubsets(subsets);
    int m = subsets.length;
    Objects.requireNonNull(outputs, "outputs");
    int t = outputs.length == 0 || outputs[0] == null ? 0 : outputs[0].length;
    Subsets.requireOutputs(outputs, m, t);
    LassoPath path = new LassoPath(subsets, folds, seed);
    float[] values = new float[Checks.arrayLength("the datamodel weights", t, pool)];
    Thread caller = Thread.currentThread();
    IntStream.range(0, t)
        .parallel()
        .forEach(
            z -> {
              Interruption.check(caller);
              double[] y = new double[m];
              for (int j = 0; j < m; j++) {
                y[j] = outputs[j][z];
              }
              double[] w = path.fit(y).weights();
              for (int i = 0; i < pool; i++) {
                values[z * pool + i] = (float) w[i];
              }
            });
    return new Scores(t, pool, values);
  }

  /** The fit with intercept b = mean(y) - xbar^T w; copies the weights. */
  static Fit fitOf(
      IndicatorDesign design, double meanY, double[] weights, double lambda, boolean converged) {
    double intercept = meanY;
    for (int i = 0; i < weights.length; i++) {
      intercept -= weights[i] * design.mean[i];
    }
    return new Fit(intercept, weights.clone(), lambda, converged);
  }

  private static void validate(boolean[][] subsets, double[] outputs) {
    validateSubsets(subsets);
    Objects.requireNonNull(outputs, "outputs");
    if (outputs.length != subsets.length) {
      throw new IllegalArgumentException(
          "outputs has " + outputs.length + " values, one per subset (" + subsets.length + ")");
    }
    for (int j = 0; j < outputs.length; j++) {
      if (!Double.isFinite(outputs[j])) {
        throw new IllegalArgumentException("outputs[" + j + "] is " + outputs[j] + ", not finite");
      }
    }
  }

  /** At least 2 subsets, all of the same length; returns the pool size n. */
  private static int validateSubsets(boolean[][] subsets) {
    Objects.requireNonNull(subsets, "subsets");
    if (subsets.length < 2) {
      throw new IllegalArgumentException("at least 2 subsets are required, got " + subsets.length);
    }
    int n = Objects.requireNonNull(subsets[0], "subsets[0]").length;
    Subsets.validate(subsets, n);
    return n;
  }
}
