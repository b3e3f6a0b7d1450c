package io.s2l.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * Percentile bootstrap for a statistic of a paired sample (Efron and Tibshirani 1993, ch. 13). Each
 * resample draws n indices uniformly with replacement and keeps the pairs together: (x_j, y_j).
 * SCIENCE.md section 2 resamples training distributions this way, 1000 times by default.
 *
 * <p>Randomness is injected: every call starts a fresh {@code new SplittableRandom(seed)}, so the
 * same configuration, data and statistic give the same result, call after call.
 *
 * @param resamples number of bootstrap resamples B, at least 1
 * @param seed seed of the {@link SplittableRandom} driving the resampling
 */
public record Bootstrap(int resamples, long seed) {

  /** The resample count SCIENCE.md asks for by default. */
  public static final int DEFAULT_RESAMPLES = 1000;

  /**
   * @throws IllegalArgumentException if resamples &lt; 1
   */
  public Bootstrap {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }
  }

  /** {@link #DEFAULT_RESAMPLES} resamples with the given seed. */
  public static Bootstrap withSeed(long seed) {
    return new Bootstrap(DEFAULT_RESAMPLES, seed);
  }

  /**
   * The percentile confidence interval at the given level: with the replicates t*_1..t*_B of {@link
   * #replicates} and alpha = 1 - level,
   *
   * <pre>
   *   [ P_{100 alpha / 2}(t*), P_{100 (1 - alpha / 2)}(t*) ]
   * </pre>
   *
   * P being {@link Percentile#linear} (numpy.percentile's default). Resamples whose statistic is
   * NaN (e.g. a correlation of a resample that drew one point n times) are skipped, so the interval
   * rests on the remaining replicates; if none remain the interval is [NaN, NaN].
   *
   * @param statistic receives fresh resampled arrays x*, y* of length n; returns a finite value, or
   *     NaN when undefined for that resample
   * @param level confidence level in (0, 1), e.g. 0.95
   * @throws IllegalArgumentException on invalid data (as {@link Correlation}) or level
   */
  public Interval interval(
      double[] x, double[] y, ToDoubleBiFunction<double[], double[]> statistic, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    double[] kept = replicates(x, y, statistic);
    if (kept.length == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    Arrays.sort(kept);
    double alpha = 1 - level;
    return new Interval(
        Percentile.linearOfSorted(kept, alpha / 2), Percentile.linearOfSorted(kept, 1 - alpha / 2));
  }

  /**
   * The bootstrap replicates t*_b = statistic(x*_b, y*_b), b = 1..B, in resampling order, with NaN
   * replicates left out (so the array may be shorter than B).
   *
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points or non-finite input
   */
  public double[] replicates(
      double[] x, double[] y, ToDoubleBiFunction<double[], double[]> statistic) {
    Samples.requirePaired(x, y);
    Objects.requireNonNull(statistic, "statistic");
    int n = x.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] kept = new double[resamples];
    int count = 0;
    for (int b = 0; b < resamples; b++) {
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        int j = random.nextInt(n);
        xs[i] = x[j];
        ys[i] = y[j];
      }
      double value = statistic.applyAsDouble(xs, ys);
      if (!Double.isNaN(value)) {
        kept[count++] = value;
      }
    }
    return Arrays.copyOf(kept, count);
  }
}
