package io.s2l.stats.study;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.Interval;
import io.s2l.stats.NullR2;
import io.s2l.stats.Percentile;
import java.util.Arrays;

/** Builds {@link PerExampleR2} from the one-pass moments of a proxy and the reference. */
final class PerExampleSummary {

  /** The quantile levels of {@link PerExampleR2#quantiles()}. */
  static final double[] LEVELS = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};

  /** The level of {@link PerExampleR2#nullR2Quantile95()}. */
  private static final double NULL_LEVEL = 0.95;

  private PerExampleSummary() {}

  /**
   * Summarises r_z over the defined examples.
   *
   * @param seed seed of the bootstrap over examples
   */
  static PerExampleR2 of(
      ScalePass proxy, ScalePass reference, int distributions, AnalysisOptions options, long seed) {
    int examples = proxy.sum.length;
    double[] r = correlations(proxy, reference, distributions);
    int defined = r.length;
    if (defined == 0) {
      double[] nan = new double[LEVELS.length];
      Arrays.fill(nan, Double.NaN);
      Interval none = new Interval(Double.NaN, Double.NaN);
      Histogram empty = histogram(new double[0], options.histogramBins());
      return new PerExampleR2(
          examples,
          0,
          LEVELS.clone(),
          nan,
          Double.NaN,
          none,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          empty,
          NullR2.mean(distributions),
          NullR2.quantile(distributions, NULL_LEVEL));
    }
    double[] r2 = new double[defined];
    long positive = 0;
    long above = 0;
    double sum = 0;
    double signedSum = 0;
    for (int i = 0; i < defined; i++) {
      r2[i] = r[i] * r[i];
      positive += r[i] > 0 ? 1 : 0;
      above += r2[i] > 0.5 ? 1 : 0;
      sum += r2[i];
      signedSum += Math.signum(r[i]) * r2[i];
    }
    return new PerExampleR2(
        examples,
        defined,
        LEVELS.clone(),
        Percentile.linearInPlace(r2.clone(), LEVELS),
        sum / defined,
        new Bootstrap(options.resamples(), seed).meanInterval(r2, options.level()),
        signedSum / defined,
        (double) positive / defined,
        (double) above / defined,
        histogram(r2, options.histogramBins()),
        NullR2.mean(distributions),
        NullR2.quantile(distributions, NULL_LEVEL));
  }

  /**
   * r_z of the defined examples, in example order, from the moments of the shifted losses (see
   * {@link ScalePass}), with K distributions:
   *
   * <pre>
   *   r_z = (S_de - S_d S_e / K) / sqrt( (S_dd - S_d^2 / K) (S_ee - S_e^2 / K) )
   * </pre>
   *
   * clipped to [-1, 1]; undefined, and left out, where either variance is 0 (all of the example's K
   * losses equal on that side).
   */
  static double[] correlations(ScalePass proxy, ScalePass reference, int distributions) {
    double k = distributions;
    double[] r = new double[proxy.sum.length];
    int defined = 0;
    for (int z = 0; z < r.length; z++) {
      double sx = proxy.sum[z];
      double sy = reference.sum[z];
      double vx = proxy.sumSquares[z] - sx * sx / k;
      double vy = reference.sumSquares[z] - sy * sy / k;
      if (vx > 0 && vy > 0) {
        double value = (proxy.cross[z] - sx * sy / k) / Math.sqrt(vx * vy);
        r[defined++] = Math.max(-1.0, Math.min(1.0, value));
      }
    }
    return Arrays.copyOf(r, defined);
  }

  /**
   * Equal bins over [0, 1] with numpy.histogram's rules: edges linspace(0, 1, bins + 1); a value's
   * bin is floor(v bins), corrected by one where rounding put it on the wrong side of an edge; the
   * last bin is closed.
   */
  static Histogram histogram(double[] values, int bins) {
    double[] edges = new double[bins + 1];
    double step = 1.0 / bins;
    for (int i = 0; i < bins; i++) {
      edges[i] = i * step;
    }
    edges[bins] = 1.0;
    long[] counts = new long[bins];
    for (double v : values) {
      int i = (int) (v * bins);
      if (i == bins) {
        i--;
      }
      if (v < edges[i]) {
        i--;
      } else if (v >= edges[i + 1] && i != bins - 1) {
        i++;
      }
      counts[i]++;
    }
    return new Histogram(edges, counts);
  }
}
