package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;

/**
 * Seed noise against the spread across distributions, per side; all required, null when undefined.
 */
public record SeedNoiseSummary(
    @JsonProperty(required = true) @Undefined double proxyNoise,
    @JsonProperty(required = true) @Undefined double proxySpread,
    @JsonProperty(required = true) @Undefined double referenceNoise,
    @JsonProperty(required = true) @Undefined double referenceSpread) {}
