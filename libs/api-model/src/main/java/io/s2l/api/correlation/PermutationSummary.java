package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;

/**
 * One-sided permutation p-values against "no relation" between proxy and reference (alternative:
 * the proxy orders distributions like the reference more often than chance); all required.
 *
 * @param decisionAccuracy p-value of decision accuracy, null when undefined (constant reference)
 * @param spearman p-value of Spearman's rho, null when undefined (a constant side)
 * @param kendall p-value of Kendall's tau-b, null when undefined (a constant side)
 * @param method {@code exact} (every one of the K! pairings, K up to 8) or {@code monte-carlo}
 *     (random pairings, p = (1 + hits) / (1 + permutations))
 * @param permutations the number of pairings counted: K! when exact
 */
public record PermutationSummary(
    @JsonProperty(required = true) @Undefined double decisionAccuracy,
    @JsonProperty(required = true) @Undefined double spearman,
    @JsonProperty(required = true) @Undefined double kendall,
    @JsonProperty(required = true) String method,
    @JsonProperty(required = true) long permutations) {}
