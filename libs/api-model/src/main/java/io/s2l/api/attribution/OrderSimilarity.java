package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How alike two scales' attributions order the pool (mean Spearman over targets); required. */
public record OrderSimilarity(
    @JsonProperty(required = true) String scaleA,
    @JsonProperty(required = true) String scaleB,
    @JsonProperty(required = true) double meanSpearman) {}
