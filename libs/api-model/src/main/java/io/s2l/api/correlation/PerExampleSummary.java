package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;
import java.util.List;
import java.util.Map;

/**
 * The distribution over evaluation examples of the per-example R^2 between proxy and reference
 * losses; all fields required but {@code signedMean}.
 *
 * @param examples examples of the evaluation set
 * @param defined examples whose R^2 is defined
 * @param quantiles per quantile level (as written, e.g. {@code "0.5"}), the R^2 there; null when
 *     undefined
 * @param meanCi95 bootstrap interval of the mean {@code [low, high]}
 * @param signedMean mean over defined examples of sign(r) R^2, in [-1, 1]: an example the proxy
 *     orders backwards counts against agreement; null when undefined, absent in results stored
 *     before it existed
 * @param fractionPositiveR share of defined examples whose r is above 0
 * @param nullMeanR2 the mean R^2 of an example whose proxy and reference losses are unrelated, 1 /
 *     (K - 1) for K distributions; absent in results stored before it existed
 * @param nullR2Quantile95 the 0.95-quantile of that R^2 under no relation, Beta(1/2, (K - 2) / 2);
 *     absent in results stored before it existed
 */
public record PerExampleSummary(
    @JsonProperty(required = true) int examples,
    @JsonProperty(required = true) int defined,
    @JsonProperty(required = true) Map<String, Double> quantiles,
    @JsonProperty(required = true) @Undefined double mean,
    @JsonProperty(required = true) List<Double> meanCi95,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double signedMean,
    @JsonProperty(required = true) @Undefined double fractionPositiveR,
    @JsonProperty(required = true) @Undefined double fractionR2Above05,
    @JsonProperty(required = true) HistogramCounts histogram,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double nullMeanR2,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double nullR2Quantile95) {}
