package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A histogram: {@code counts[i]} values fell in {@code [edges[i], edges[i + 1])}; both required.
 */
public record HistogramCounts(
    @JsonProperty(required = true) List<Double> edges,
    @JsonProperty(required = true) List<Long> counts) {}
