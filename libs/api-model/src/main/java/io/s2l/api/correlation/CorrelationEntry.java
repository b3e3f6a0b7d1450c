package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;
import java.util.List;
import java.util.Map;

/**
 * How well one proxy scale predicts the reference on one evaluation set, across the training
 * distributions (seed-averaged mean losses). Statistics marked {@link Undefined} are null in JSON
 * when undefined (NaN in Java), for example a correlation with a constant side.
 *
 * <p>Required when read: every field but the four accuracy fields, which are absent for evaluation
 * sets without accuracy (present, and null when undefined, otherwise). {@code seedNoise} is always
 * present and null with a single seed. {@code droppedResamples} and {@code permutation} are absent
 * in results stored before they existed.
 *
 * @param ci95 per statistic name, its bootstrap interval {@code [low, high]} (nulls when undefined)
 * @param proxyLosses per distribution (in {@code distributionNames} order), the proxy's mean loss
 * @param referenceLosses per distribution, the reference's mean loss
 * @param droppedResamples per statistic name (the keys of {@code ci95}), how many bootstrap
 *     resamples its interval left out because the statistic was undefined on them (a resample with
 *     a constant side)
 * @param permutation permutation p-values of decision accuracy, Spearman and Kendall against no
 *     relation
 * @param fractionOfCeiling r2 over the evaluation set's noise ceiling r2 (it can exceed 1: the
 *     ceiling compares halves of the reference's seeds, r2 the mean of all); null when the
 *     ceiling's r is not positive, absent with a single seed and in results stored before it
 *     existed
 */
public record CorrelationEntry(
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) String referenceScale,
    @JsonProperty(required = true) String evalSet,
    @JsonProperty(required = true) int distributions,
    @JsonProperty(required = true) List<String> distributionNames,
    @JsonProperty(required = true) @Undefined double pearsonR,
    @JsonProperty(required = true) @Undefined double r2,
    @JsonProperty(required = true) @Undefined double spearman,
    @JsonProperty(required = true) @Undefined double kendall,
    @JsonProperty(required = true) @Undefined double decisionAccuracy,
    @JsonProperty(required = true) @Undefined double slope,
    @JsonProperty(required = true) @Undefined double intercept,
    @JsonProperty(required = true) Map<String, List<Double>> ci95,
    @JsonProperty(required = true) long proxyParams,
    @JsonProperty(required = true) long referenceParams,
    @JsonProperty(required = true) @Undefined double proxyFlops,
    @JsonProperty(required = true) @Undefined double referenceFlops,
    @JsonProperty(required = true) @Undefined double computeRatio,
    @JsonProperty(required = true) List<Double> proxyLosses,
    @JsonProperty(required = true) List<Double> referenceLosses,
    @JsonProperty(required = true) PerExampleSummary perExample,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double proxyAccuracy,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double referenceAccuracy,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double chance,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double proxyAboveChance,
    @JsonProperty(required = true) SeedNoiseSummary seedNoise,
    @JsonProperty(required = true) EntryPlots plots,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Integer> droppedResamples,
    @JsonInclude(JsonInclude.Include.NON_NULL) PermutationSummary permutation,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Undefined Double fractionOfCeiling) {}
