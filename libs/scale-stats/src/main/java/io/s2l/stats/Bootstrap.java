package io.s2l.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;

/**
 * Percentile bootstrap for a statistic of a paired sample (Efron and Tibshirani 1993, ch. 13). Each
 * resample draws n indices uniformly with replacement and keeps the pairs together: (x_j, y_j).
 * docs/science.md section 2.5 resamples training distributions this way, 1000 times by default.
 *
 * <p>Randomness is injected: every call starts afresh from the seed (the SplitMix64 stream of
 * {@code new SplittableRandom(seed)}, turned into indices as the package-private IndexDraws
 * describes), so the same configuration, data and statistic give the same result, call after call,
 * and every method of one configuration draws the same resamples for the same n.
 *
 * @param resamples number of bootstrap resamples B, at least 1
 * @param seed seed of the random stream driving the resampling
 */
public record Bootstrap(int resamples, long seed) {

  /** The default resample count of docs/science.md section 2.5. */
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
    requireLevel(level);
    return percentileInterval(replicates(x, y, statistic), level);
  }

  /**
   * The percentile interval of already computed replicates t*_1..t*_B at the given level, as {@link
   * #interval} defines it; NaN replicates are skipped and [NaN, NaN] returned if nothing remains.
   * The array is not modified.
   *
   * @throws IllegalArgumentException if level is outside (0, 1)
   */
  public static Interval percentileInterval(double[] replicates, double level) {
    requireLevel(level);
    double[] kept = new double[replicates.length];
    int count = 0;
    for (double value : replicates) {
      if (!Double.isNaN(value)) {
        kept[count++] = value;
      }
    }
    if (count == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double alpha = 1 - level;
    double[] bounds =
        Percentile.linearInPlace(Arrays.copyOf(kept, count), alpha / 2, 1 - alpha / 2);
    return new Interval(bounds[0], bounds[1]);
  }

  /**
   * Percentile interval of the mean of a one-sample bootstrap: replicate b is
   *
   * <pre>
   *   mean*_b = (1/n) sum_i v_{j_bi},   j_bi uniform on {0..n-1}
   * </pre>
   *
   * with the draws of {@link #replicates}, so the result equals {@code interval(v, v, (a, b) ->
   * mean(a), level)} up to the order of summation, without materialising a single resample. O(B n)
   * time, O(B) memory. Used for the per-example R^2 of docs/science.md section 2.4, resampling
   * examples.
   *
   * @param values the sample v, at least one value, all finite
   * @throws IllegalArgumentException if values is empty or holds a non-finite value, or level is
   *     outside (0, 1)
   */
  public Interval meanInterval(double[] values, double level) {
    requireLevel(level);
    Samples.requireFinite("values", values);
    int n = values.length;
    if (n == 0) {
      throw new IllegalArgumentException("cannot bootstrap the mean of no values");
    }
    IndexDraws draws = new IndexDraws(seed, n);
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      means[b] = draws.sumOfNext(values) / n;
    }
    return percentileInterval(means, level);
  }

  /**
   * The B resamples of n paired points as multiplicities: {@code counts[j][b]} is how many of the n
   * draws of resample b picked point j (so sum_j counts[j][b] = n). The draws are those of {@link
   * #replicates}: column b is the multiset that {@code replicates} hands to its statistic as the
   * b-th (x*, y*). Statistics that only depend on the multiset (every one of {@link
   * ScaleCorrelation}) can so be computed for all resamples from one draw, without materialising
   * any; see {@link ScaleCorrelationBootstrap}. Point-major, so that loops over the resamples of
   * one point are contiguous.
   *
   * @param n number of points, at least 1
   */
  int[][] multiplicities(int n) {
    IndexDraws draws = new IndexDraws(seed, n);
    int[] indices = new int[n];
    int[][] counts = new int[n][resamples];
    for (int b = 0; b < resamples; b++) {
      draws.next(indices);
      for (int j : indices) {
        counts[j][b]++;
      }
    }
    return counts;
  }

  private static void requireLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
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
    IndexDraws draws = new IndexDraws(seed, n);
    int[] indices = new int[n];
    double[] kept = new double[resamples];
    int count = 0;
    for (int b = 0; b < resamples; b++) {
      draws.next(indices);
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = x[indices[i]];
        ys[i] = y[indices[i]];
      }
      double value = statistic.applyAsDouble(xs, ys);
      if (!Double.isNaN(value)) {
        kept[count++] = value;
      }
    }
    return Arrays.copyOf(kept, count);
  }
}
