package io.s2l.api.correlation;

import java.time.Instant;

/**
 * One stored version of a study's scale-correlation result, as {@code GET
 * /api/v1/studies/{id}/analyses} lists it.
 *
 * @param metric what its recommendation thresholded: {@code decisionAccuracy} or {@code r2}
 * @param recommendedScale the recommended proxy, or null when none qualified
 */
public record AnalysisVersion(
    int version, Instant computedAt, String metric, double threshold, String recommendedScale) {}
