package io.s2l.api.mixture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A mixture and the distribution name it is trained under; both required. */
public record NamedMixture(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) Map<String, Double> weights) {}
