package io.s2l.analysis.correlation.web;

/** A stored scale-correlation result as the analysis writes it: one proxy, one evaluation set. */
final class ScaleCorrelationDocument {

  static final String JSON =
      """
      {"studyId": "00000000-0000-0000-0000-0000000000c0", "referenceScale": "m", "version": 2,
       "options": {"resamples": 200, "seed": 0, "level": 0.95, "metric": "r2", "threshold": 0.8},
       "entries": [{
         "proxyScale": "s", "referenceScale": "m", "evalSet": "heldout/web", "distributions": 3,
         "distributionNames": ["code", "web", "mixed"],
         "proxyLosses": [3.1, 3.4, 3.9], "referenceLosses": [2.5, 2.7, 3.2],
         "pearsonR": 0.99, "r2": 0.98, "decisionAccuracy": 1.0, "slope": 0.9, "intercept": -0.3,
         "computeRatio": 8.0, "proxyAboveChance": 0.1,
         "ci95": {"r2": [0.9, 1.0], "decisionAccuracy": [1.0, 1.0]},
         "perExample": {"defined": 10, "examples": 12,
                        "histogram": {"edges": [0.0, 0.5, 1.0], "counts": [4, 6]}}}],
       "recommendation": {"recommendedScale": "s"}}
      """;

  private ScaleCorrelationDocument() {}
}
