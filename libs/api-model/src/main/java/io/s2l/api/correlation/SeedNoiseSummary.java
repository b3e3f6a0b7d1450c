package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;

/**
 * Seed noise against the spread across distributions, per side; all required, null when undefined,
 * but the signal-to-noise ratios, absent in results stored before they existed.
 *
 * @param proxySnr proxySpread / proxyNoise, null when the noise is 0
 * @param referenceSnr referenceSpread / referenceNoise, null when the noise is 0
 */
public record SeedNoiseSummary(
    @JsonProperty(required = true) @Undefined double proxyNoise,
    @JsonProperty(required = true) @Undefined double proxySpread,
    @JsonProperty(required = true) @Undefined double referenceNoise,
    @JsonProperty(required = true) @Undefined double referenceSpread,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double proxySnr,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double referenceSnr) {}
