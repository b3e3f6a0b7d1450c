package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The settings an analysis ran with; all required.
 *
 * @param resamples bootstrap resamples
 * @param seed bootstrap seed
 * @param level confidence level of the intervals
 * @param metric what the recommendation ranks proxies by: {@code decisionAccuracy} or {@code r2}
 * @param threshold the value a proxy must clear
 */
public record CorrelationOptions(
    @JsonProperty(required = true) int resamples,
    @JsonProperty(required = true) long seed,
    @JsonProperty(required = true) double level,
    @JsonProperty(required = true) String metric,
    @JsonProperty(required = true) double threshold) {}
