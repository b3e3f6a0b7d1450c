package io.s2l.study;

import java.util.List;
import java.util.Optional;

/**
 * What a caller may choose about an analysis' recommendation (docs/science.md section 2.7), checked
 * in one place for the API's re-runs and imports and for {@code ./s2l analyze}: null keeps the
 * default.
 */
public final class RecommendationBounds {

  /** The metric names: decision accuracy (the default) and R^2. */
  public static final List<String> METRICS = List.of("decisionAccuracy", "r2");

  /** The fewest distributions a recommendation may be asked to need. */
  public static final int MIN_DISTRIBUTIONS_LOWEST = 3;

  /** The most distributions a recommendation may be asked to need. */
  public static final int MIN_DISTRIBUTIONS_HIGHEST = 1000;

  private RecommendationBounds() {}

  /**
   * The first choice out of bounds, as a field error naming {@code metric}, {@code threshold} or
   * {@code minDistributions}; empty when all three are within bounds.
   */
  public static Optional<FieldError> problem(
      String metric, Double threshold, Integer minDistributions) {
    if (metric != null && !METRICS.contains(metric)) {
      return Optional.of(
          new FieldError("metric", "must be decisionAccuracy or r2, not '" + metric + "'"));
    }
    if (threshold != null && !(threshold > 0 && threshold <= 1)) {
      return Optional.of(new FieldError("threshold", "must be > 0 and <= 1, got " + threshold));
    }
    if (minDistributions != null
        && (minDistributions < MIN_DISTRIBUTIONS_LOWEST
            || minDistributions > MIN_DISTRIBUTIONS_HIGHEST)) {
      return Optional.of(
          new FieldError(
              "minDistributions",
              "must be from "
                  + MIN_DISTRIBUTIONS_LOWEST
                  + " to "
                  + MIN_DISTRIBUTIONS_HIGHEST
                  + ", got "
                  + minDistributions));
    }
    return Optional.empty();
  }
}
