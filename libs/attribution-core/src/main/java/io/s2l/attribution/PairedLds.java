package io.s2l.attribution;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.Interval;
import java.util.Objects;

/**
 * The paired difference of two attributions' LDS on the same targets (docs/science.md section 3.4):
 * with LDS_a(z) and LDS_b(z) the per-target Spearman correlations of {@link LinearDatamodelScore},
 *
 * <pre>
 *   D = (1/|T|) sum_{z in T} ( LDS_a(z) - LDS_b(z) ),   T = targets where both are defined
 * </pre>
 *
 * with a 95% percentile bootstrap interval that resamples targets: one resample draws |T| targets
 * with replacement and takes both LDS values of each drawn target, so the interval is that of the
 * mean of the per-target differences ({@link Bootstrap#meanInterval}, 1000 resamples). Pairing
 * removes the variation between targets both attributions share, so the interval of D is usually
 * much narrower than those of the two LDS.
 */
public final class PairedLds {

  private static final double LEVEL = 0.95;

  private PairedLds() {}

  /**
   * The paired difference.
   *
   * @param difference D; NaN when no target has both values defined
   * @param ci95 its interval; [NaN, NaN] when no target has both values defined
   * @param targets |T|
   */
  public record Difference(double difference, Interval ci95, int targets) {}

  /**
   * D = LDS_a - LDS_b, target by target.
   *
   * @throws IllegalArgumentException if the two were not measured on the same number of targets
   */
  public static Difference of(Lds a, Lds b, long bootstrapSeed) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    double[] x = a.perTarget();
    double[] y = b.perTarget();
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "the LDS were measured on " + x.length + " and " + y.length + " targets");
    }
    double[] d = new double[x.length];
    int n = 0;
    double sum = 0;
    for (int z = 0; z < x.length; z++) {
      if (!Double.isNaN(x[z]) && !Double.isNaN(y[z])) {
        d[n] = x[z] - y[z];
        sum += d[n++];
      }
    }
    if (n == 0) {
      return new Difference(Double.NaN, new Interval(Double.NaN, Double.NaN), 0);
    }
    double[] defined = java.util.Arrays.copyOf(d, n);
    Interval ci =
        new Bootstrap(Bootstrap.DEFAULT_RESAMPLES, bootstrapSeed).meanInterval(defined, LEVEL);
    return new Difference(sum / n, ci, n);
  }
}
