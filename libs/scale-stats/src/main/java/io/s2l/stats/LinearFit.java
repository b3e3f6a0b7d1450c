package io.s2l.stats;

/**
 * A least-squares line with intercept, y ~ intercept + slope * x. With x the proxy losses and y the
 * reference losses, the slope says how many units the reference loss moves per unit of proxy loss.
 *
 * @param slope b = sum_i (x_i - mean(x)) (y_i - mean(y)) / sum_i (x_i - mean(x))^2; NaN if x has
 *     zero variance, exactly 0 if y has zero variance
 * @param intercept a = mean(y) - b mean(x); NaN if x has zero variance
 * @param r2 coefficient of determination, equal to r^2 (Pearson r) for a line with intercept; NaN
 *     if x or y has zero variance
 */
public record LinearFit(double slope, double intercept, double r2) {

  /**
   * Fits the least-squares line of y on x, like {@code scipy.stats.linregress(x, y)} ({@code
   * .slope}, {@code .intercept}, {@code .rvalue ** 2}). Unlike scipy, a constant x yields NaN
   * coefficients instead of an error, and a constant y yields R^2 = NaN (scipy reports r = 0), in
   * line with the zero-variance convention of {@link Correlation}.
   *
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public static LinearFit of(double[] x, double[] y) {
    Samples.requirePaired(x, y);
    if (Samples.isConstant(x)) {
      return new LinearFit(Double.NaN, Double.NaN, Double.NaN);
    }
    if (Samples.isConstant(y)) {
      // Exactly flat; the centred formula could leave rounding residue in y - mean(y).
      return new LinearFit(0.0, y[0], Double.NaN);
    }
    double meanX = Samples.mean(x);
    double meanY = Samples.mean(y);
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - meanX;
      sxx += dx * dx;
      sxy += dx * (y[i] - meanY);
    }
    double slope = sxy / sxx;
    double r = Correlation.pearsonOfValid(x, y);
    return new LinearFit(slope, meanY - slope * meanX, r * r);
  }

  /** The fitted value intercept + slope * x. */
  public double predict(double x) {
    return intercept + slope * x;
  }
}
