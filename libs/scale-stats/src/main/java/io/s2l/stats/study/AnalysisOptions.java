package io.s2l.stats.study;

import io.s2l.stats.Bootstrap;
import java.util.Objects;

/**
 * How {@link ScaleCorrelationAnalysis} runs.
 *
 * @param referenceScale the scale every proxy is compared with (usually the largest)
 * @param resamples bootstrap replicates B for every interval, at least 1
 * @param seed base seed of all resampling; each entry derives its own streams from it
 * @param level confidence level of the intervals, in (0, 1)
 * @param metric the statistic the recommendation thresholds
 * @param threshold the value the metric's lower bound must reach, finite
 * @param minDistributions the fewest distributions K a study needs for any recommendation, from
 *     {@link #MIN_DISTRIBUTIONS_LOWEST} to {@link #MIN_DISTRIBUTIONS_HIGHEST}
 * @param histogramBins number of equal bins of the per-example R^2 histogram over [0, 1], at least
 *     1
 */
public record AnalysisOptions(
    String referenceScale,
    int resamples,
    long seed,
    double level,
    RecommendationMetric metric,
    double threshold,
    int minDistributions,
    int histogramBins) {

  /** The default of {@code minDistributions}. */
  public static final int DEFAULT_MIN_DISTRIBUTIONS = 6;

  /** The lowest {@code minDistributions}: the analysis needs 3 distributions in any case. */
  public static final int MIN_DISTRIBUTIONS_LOWEST = 3;

  /** The highest {@code minDistributions}. */
  public static final int MIN_DISTRIBUTIONS_HIGHEST = 1000;

  /**
   * @throws IllegalArgumentException naming the first invalid option
   */
  public AnalysisOptions {
    Objects.requireNonNull(referenceScale, "referenceScale");
    Objects.requireNonNull(metric, "metric");
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite, got " + threshold);
    }
    if (minDistributions < MIN_DISTRIBUTIONS_LOWEST
        || minDistributions > MIN_DISTRIBUTIONS_HIGHEST) {
      throw new IllegalArgumentException(
          "minDistributions must be from "
              + MIN_DISTRIBUTIONS_LOWEST
              + " to "
              + MIN_DISTRIBUTIONS_HIGHEST
              + ", got "
              + minDistributions);
    }
    if (histogramBins < 1) {
      throw new IllegalArgumentException("histogramBins must be at least 1, got " + histogramBins);
    }
  }

  /**
   * The defaults of docs/science.md section 2: 1000 resamples, seed 0, 95% intervals,
   * recommendation by decision accuracy with threshold 0.8 (DataDecide's ~80% for a 150M proxy of a
   * 1B target), at least 6 distributions for a recommendation, 20 bins.
   */
  public static AnalysisOptions defaults(String referenceScale) {
    return new AnalysisOptions(
        referenceScale,
        Bootstrap.DEFAULT_RESAMPLES,
        0L,
        0.95,
        RecommendationMetric.DECISION_ACCURACY,
        0.8,
        DEFAULT_MIN_DISTRIBUTIONS,
        20);
  }
}
