package io.s2l.stats.metrics;

import java.util.Map;

/**
 * How well each proxy metric of one proxy scale, on one evaluation set, predicts the reference's
 * ranking of the training distributions (docs/science.md section 2.12).
 *
 * @param target what the reference is ranked by: {@link #REFERENCE_ACCURACY} for multiple-choice
 *     sets, {@link #REFERENCE_LOSS} for answer sets (which have no accuracy)
 * @param decisionAccuracy per metric available on the set, in {@link ProxyMetric} order, the
 *     decision accuracy of the proxy's seed-averaged metric against the target; NaN when the
 *     reference ties every pair
 * @param bestMetric the metric with the highest decision accuracy (the earliest in {@link
 *     ProxyMetric} order on a tie), or null when none is defined
 */
public record MetricDecision(
    String proxyScale,
    String evalSet,
    String target,
    Map<ProxyMetric, Double> decisionAccuracy,
    ProxyMetric bestMetric) {

  public static final String REFERENCE_ACCURACY = "referenceAccuracy";
  public static final String REFERENCE_LOSS = "referenceLoss";
}
