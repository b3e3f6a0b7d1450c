package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The cheapest proxy scale whose metric clears the threshold on every evaluation set; all fields
 * required.
 *
 * @param recommendedScale the scale, or null when none clears it
 * @param reason why, in words
 * @param frontier per proxy scale, cheapest first
 * @param byEvalSet per evaluation set, the cheapest scale clearing it there (null for none)
 */
public record ProxyRecommendation(
    @JsonProperty(required = true) String metric,
    @JsonProperty(required = true) double threshold,
    @JsonProperty(required = true) String recommendedScale,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) List<FrontierEntry> frontier,
    @JsonProperty(required = true) Map<String, String> byEvalSet) {}
