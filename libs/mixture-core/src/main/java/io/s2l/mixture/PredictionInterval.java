package io.s2l.mixture;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 95% jackknife prediction interval of a regression's prediction (docs/science.md section 4.4,
 * "Prediction interval"; Barber, Candes, Ramdas, Tibshirani 2021, "Predictive inference with the
 * jackknife+", the jackknife method): with the n leave-one-out residuals {@code e_i} and the
 * prediction {@code yhat} of the model fitted on all n mixtures,
 *
 * <pre>
 *   [yhat - q, yhat + q],   q = the ceil(0.95 (n + 1))-th smallest of |e_1|, ..., |e_n|
 * </pre>
 *
 * It says how far a proxy run's loss has landed from the regression's prediction when the run was
 * left out of the fit; it is about the proxy's loss, not the reference's. With fewer than 19
 * residuals the rank exceeds n and the interval is unbounded: then there is none.
 *
 * @param low {@code yhat - q}
 * @param high {@code yhat + q}
 */
public record PredictionInterval(double low, double high) {

  /** Fewest leave-one-out residuals that bound a 95% interval: ceil(0.95 (n + 1)) <= n. */
  public static final int MIN_RESIDUALS = 19;

  /** The interval around {@code prediction}; empty with fewer than {@link #MIN_RESIDUALS}. */
  public static Optional<PredictionInterval> jackknife(double prediction, double[] residuals) {
    int n = residuals.length;
    // ceil(19 (n + 1) / 20) in integers: 0.95 has no exact binary form
    int rank = (19 * (n + 1) + 19) / 20;
    if (rank > n) {
      return Optional.empty();
    }
    double[] absolute = Arrays.stream(residuals).map(Math::abs).sorted().toArray();
    if (!Double.isFinite(absolute[n - 1])) {
      throw new IllegalArgumentException("a leave-one-out residual is not finite");
    }
    double q = absolute[rank - 1];
    return Optional.of(new PredictionInterval(prediction - q, prediction + q));
  }
}
