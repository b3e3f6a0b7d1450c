package io.s2l.api.mixture;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mixture study's latest recommendation with its verification, as served by {@code GET
 * /api/v1/studies/{id}/mixture}; all fields present.
 *
 * @param version the recommendation version
 * @param verification null until the reference models are measured
 */
public record MixtureResult(
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) MixtureRecommendation recommendation,
    @JsonProperty(required = true) MixtureVerification verification) {}
