package io.s2l.analysis.recommendation;

import io.s2l.access.web.BadInputException;
import io.s2l.study.AnalysisJobSpec;
import io.s2l.study.RecommendationBounds;

/**
 * What a caller may choose about a recommendation (docs/science.md section 2.7), for a re-run or an
 * import; null keeps the default. The bounds are {@link RecommendationBounds}'.
 *
 * @param metric {@code decisionAccuracy} or {@code r2}; default decisionAccuracy
 * @param threshold in (0, 1]; default 0.8
 * @param minDistributions the fewest distributions for a recommendation, from 3 to 1000; default 6
 */
public record RecommendationChoice(String metric, Double threshold, Integer minDistributions) {

  /** Every choice left to its default. */
  public static final RecommendationChoice DEFAULTS = new RecommendationChoice(null, null, null);

  /**
   * @throws BadInputException naming the field, its limit and the value, before any work is done
   */
  public RecommendationChoice {
    RecommendationBounds.problem(metric, threshold, minDistributions)
        .ifPresent(
            e -> {
              throw new BadInputException(e.field() + " " + e.reason());
            });
  }

  /** The analysis of {@code spec} with these choices. */
  public AnalysisJobSpec applyTo(AnalysisJobSpec spec) {
    return spec.withRecommendation(metric, threshold, minDistributions);
  }
}
