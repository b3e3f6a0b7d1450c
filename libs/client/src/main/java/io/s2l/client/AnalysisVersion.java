package io.s2l.client;

import java.time.Instant;

/**
 * One version of a study's scale-correlation result, as the list of versions shows it.
 *
 * @param metric what its recommendation thresholded: {@code decisionAccuracy} or {@code r2}
 * @param recommendedScale the recommended proxy, or null when none qualified
 */
public record AnalysisVersion(
    int version, Instant computedAt, String metric, double threshold, String recommendedScale) {}
