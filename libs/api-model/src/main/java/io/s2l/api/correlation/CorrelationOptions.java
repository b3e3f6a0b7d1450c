package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The settings an analysis ran with; all required but {@code minDistributions}.
 *
 * @param resamples bootstrap resamples
 * @param seed bootstrap seed
 * @param level confidence level of the intervals
 * @param metric what the recommendation ranks proxies by: {@code decisionAccuracy} or {@code r2}
 * @param threshold the value a proxy must clear
 * @param minDistributions the fewest distributions a study needs for any recommendation (3 to 1000,
 *     default 6); absent in results stored before the minimum existed
 */
public record CorrelationOptions(
    @JsonProperty(required = true) int resamples,
    @JsonProperty(required = true) long seed,
    @JsonProperty(required = true) double level,
    @JsonProperty(required = true) String metric,
    @JsonProperty(required = true) double threshold,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer minDistributions) {}
