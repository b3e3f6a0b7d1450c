package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The ground truth the LDS is measured against; both required.
 *
 * @param subsets random pool subsets the reference was trained on
 * @param models reference models behind them (subsets times seeds)
 */
public record GroundTruthSize(
    @JsonProperty(required = true) int subsets, @JsonProperty(required = true) int models) {}
