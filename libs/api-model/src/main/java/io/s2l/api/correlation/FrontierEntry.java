package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;

/**
 * One proxy scale on the compute frontier; all required.
 *
 * @param meanValue the metric's mean over evaluation sets (null when undefined)
 * @param minLowerBound the lowest interval bound over evaluation sets (null when undefined)
 * @param clears whether the scale clears the threshold everywhere
 */
public record FrontierEntry(
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) @Undefined double computeRatio,
    @JsonProperty(required = true) @Undefined double proxyFlops,
    @JsonProperty(required = true) @Undefined double meanValue,
    @JsonProperty(required = true) @Undefined double minLowerBound,
    @JsonProperty(required = true) boolean clears) {}
