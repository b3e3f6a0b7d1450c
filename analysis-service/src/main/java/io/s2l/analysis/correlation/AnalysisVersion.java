package io.s2l.analysis.correlation;

import java.time.Instant;

/** One stored version of a study's analysis, as listed. */
public record AnalysisVersion(
    int version, Instant computedAt, String metric, double threshold, String recommendedScale) {}
