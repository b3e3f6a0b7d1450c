package io.s2l.analysis.recommendation;

import io.s2l.access.web.BadInputException;
import io.s2l.stats.study.RecommendationMetric;

/** The recommendation metric's names in the API: {@code decisionAccuracy} and {@code r2}. */
public final class Metric {

  private Metric() {}

  public static String name(RecommendationMetric metric) {
    return metric == RecommendationMetric.R2 ? "r2" : "decisionAccuracy";
  }

  /** Null means the default, decision accuracy. */
  public static RecommendationMetric parse(String name) {
    if (name == null || name.equals("decisionAccuracy")) {
      return RecommendationMetric.DECISION_ACCURACY;
    }
    if (name.equals("r2")) {
      return RecommendationMetric.R2;
    }
    throw new BadInputException("metric must be decisionAccuracy or r2, not '" + name + "'");
  }
}
