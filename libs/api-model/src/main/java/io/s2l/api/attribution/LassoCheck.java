package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The LASSO datamodel's LDS on held-out subsets; all required.
 *
 * @param ci95 bootstrap interval over targets {@code [low, high]}
 * @param fittedOnSubsets subsets it was fitted on
 * @param scoredOnSubsets held-out subsets it was scored on
 */
public record LassoCheck(
    @JsonProperty(required = true) double lds,
    @JsonProperty(required = true) List<Double> ci95,
    @JsonProperty(required = true) int fittedOnSubsets,
    @JsonProperty(required = true) int scoredOnSubsets) {}
