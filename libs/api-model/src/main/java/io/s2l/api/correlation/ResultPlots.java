package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Links to a study's SVG plots. {@code accuracyVsCorrelation} is absent unless some evaluation set
 * has accuracy; the others are required.
 */
public record ResultPlots(
    @JsonProperty(required = true) String r2VsCompute,
    @JsonProperty(required = true) String decisionAccuracyVsCompute,
    @JsonInclude(JsonInclude.Include.NON_NULL) String accuracyVsCorrelation) {}
