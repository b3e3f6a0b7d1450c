package io.s2l.attribution;

import io.s2l.stats.Correlation;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Order similarity of two attributions of the same targets and pool, e.g. TRAK scores computed with
 * a proxy and with the reference model (docs/science.md section 3.6, the rank correlation of
 * attribution vectors between scales): for each target z, Spearman's rho between tau_a(z) and
 * tau_b(z) over the pool examples, then the mean over targets.
 *
 * <p>A target whose attribution vector is constant on either side has an undefined rho (0/0); it is
 * NaN in {@link #perTarget} and left out of {@link #meanSpearman}, as in {@link
 * LinearDatamodelScore}.
 */
public final class OrderSimilarity {

  private OrderSimilarity() {}

  /**
   * The mean over targets of the per-target Spearman correlation; NaN if no target has one.
   *
   * @throws IllegalArgumentException if the shapes differ or the pool has fewer than 3 examples
   */
  public static double meanSpearman(Scores a, Scores b) {
    double sum = 0;
    int defined = 0;
    for (double rho : perTarget(a, b)) {
      if (!Double.isNaN(rho)) {
        sum += rho;
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }

  /**
   * Spearman's rho between row z of a and row z of b, for every target z (NaN where undefined).
   * Targets are processed in parallel.
   *
   * @throws IllegalArgumentException if the shapes differ or the pool has fewer than 3 examples
   */
  public static double[] perTarget(Scores a, Scores b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.targets() != b.targets() || a.pool() != b.pool()) {
      throw new IllegalArgumentException(
          "scores of "
              + a.targets()
              + " x "
              + a.pool()
              + " and "
              + b.targets()
              + " x "
              + b.pool()
              + " cannot be compared; the shapes must be equal");
    }
    if (a.pool() < 3) {
      throw new IllegalArgumentException(
          "a rank correlation needs at least 3 pool examples, got " + a.pool());
    }
    return IntStream.range(0, a.targets())
        .parallel()
        .mapToDouble(z -> Correlation.spearman(widen(a.row(z)), widen(b.row(z))))
        .toArray();
  }

  private static double[] widen(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }
}
