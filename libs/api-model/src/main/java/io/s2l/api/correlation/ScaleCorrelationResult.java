package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * A study's scale correlation, as stored (one document per version) and served by {@code GET
 * /api/v1/studies/{id}/scale-correlation}.
 *
 * <p>Every field is required when read, except {@code version} and {@code computedAt}: the stored
 * document has neither, the served one both (the store keeps them in columns beside it); and {@code
 * noiseCeiling}, {@code extrapolation} and {@code metricDecisions}, absent in results stored before
 * they existed.
 *
 * @param referenceScale the scale every proxy is compared with
 * @param options how the statistics were computed
 * @param entries one per (proxy scale, evaluation set)
 * @param recommendation the cheapest proxy that predicts the reference well enough
 * @param plots links to the study-wide SVG plots
 * @param version the analysis version; served only
 * @param computedAt when the version was computed (ISO-8601); served only
 * @param noiseCeiling per evaluation set, the reference against itself across seed halves; empty
 *     with a single seed, absent in results stored before it existed
 * @param extrapolation one per evaluation set, study order: the multi-scale extrapolation baseline
 * @param metricDecisions per (proxy scale, evaluation set with answers), the decision accuracy of
 *     each proxy metric and the best one; empty when no run kept the raw answer scores, absent from
 *     documents computed before they were reported
 */
public record ScaleCorrelationResult(
    @JsonProperty(required = true) UUID studyId,
    @JsonProperty(required = true) String referenceScale,
    @JsonProperty(required = true) CorrelationOptions options,
    @JsonProperty(required = true) List<CorrelationEntry> entries,
    @JsonProperty(required = true) ProxyRecommendation recommendation,
    @JsonProperty(required = true) ResultPlots plots,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
    @JsonInclude(JsonInclude.Include.NON_NULL) String computedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<NoiseCeilingSummary> noiseCeiling,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ExtrapolationBaseline> extrapolation,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<MetricDecisionEntry> metricDecisions) {

  /** This document as served: with its version and when it was computed. */
  public ScaleCorrelationResult served(int version, String computedAt) {
    return new ScaleCorrelationResult(
        studyId,
        referenceScale,
        options,
        entries,
        recommendation,
        plots,
        version,
        computedAt,
        noiseCeiling,
        extrapolation,
        metricDecisions);
  }
}
