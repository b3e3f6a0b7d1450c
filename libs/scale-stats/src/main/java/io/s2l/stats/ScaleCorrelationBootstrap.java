package io.s2l.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percentile bootstrap confidence intervals for every statistic of a {@link ScaleCorrelation} at
 * once (docs/science.md section 2.5: resample the training distributions, paired, with
 * replacement).
 *
 * <p>Replicate b draws one multiset of distributions with {@link Bootstrap#multiplicities} and
 * computes all seven statistics on that same multiset, so the intervals are mutually consistent and
 * the draw is paid once. A statistic that is NaN on a replicate (a resample with a constant side)
 * is skipped for that statistic only; an interval with no replicate left is [NaN, NaN]. The b-th
 * multiset is the one {@link Bootstrap#interval} would use, so for instance the Kendall interval
 * equals {@code bootstrap.interval(x, y, Correlation::kendallTauB, level)} exactly (the pair counts
 * are integers), and the moment statistics agree up to rounding. {@link #of} also counts, per
 * statistic, the resamples so dropped.
 */
public final class ScaleCorrelationBootstrap {

  /** The statistics, in the order of {@link ScaleCorrelation}'s components and of the map keys. */
  public static final List<String> STATISTICS =
      List.of("pearsonR", "r2", "slope", "intercept", "spearman", "kendall", "decisionAccuracy");

  private ScaleCorrelationBootstrap() {}

  /**
   * @param x proxy values x_k, one per training distribution
   * @param y reference values y_k, same order
   * @param bootstrap number of resamples B and seed
   * @param level confidence level in (0, 1), e.g. 0.95
   * @return an unmodifiable map from each name of {@link #STATISTICS}, in that order, to its
   *     percentile interval
   * @throws IllegalArgumentException on length mismatch, fewer than 3 points, non-finite input or a
   *     level outside (0, 1)
   */
  public static Map<String, Interval> intervals(
      double[] x, double[] y, Bootstrap bootstrap, double level) {
    return of(x, y, bootstrap, level).intervals();
  }

  /**
   * The intervals of {@link #intervals} with, per statistic, the number of resamples on which it
   * was NaN and that its interval skips.
   *
   * @return unmodifiable maps keyed by {@link #STATISTICS}, in that order
   * @throws IllegalArgumentException as {@link #intervals}
   */
  public static BootstrapIntervals of(double[] x, double[] y, Bootstrap bootstrap, double level) {
    Samples.requirePaired(x, y);
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    double[][] replicates = ResampledPairs.statistics(x, y, bootstrap.multiplicities(x.length));
    Map<String, Interval> intervals = new LinkedHashMap<>();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    for (int s = 0; s < STATISTICS.size(); s++) {
      intervals.put(STATISTICS.get(s), Bootstrap.percentileInterval(replicates[s], level));
      dropped.put(STATISTICS.get(s), undefined(replicates[s]));
    }
    return new BootstrapIntervals(
        Collections.unmodifiableMap(intervals), Collections.unmodifiableMap(dropped));
  }

  private static int undefined(double[] replicates) {
    int count = 0;
    for (double value : replicates) {
      count += Double.isNaN(value) ? 1 : 0;
    }
    return count;
  }
}
