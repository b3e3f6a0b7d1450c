package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;
import java.util.List;
import java.util.Map;

/**
 * The multi-scale extrapolation baseline on one evaluation set: each distribution's loss fitted
 * across all proxies as a power law in compute, extrapolated to the reference's compute and scored
 * like a proxy, next to the best single proxy. All fields required; statistics are null when
 * undefined.
 *
 * <p>When the proxies have fewer than 3 distinct compute values the baseline is absent: {@code
 * reason} says so, {@code fits} is empty, {@code predictedLosses} and {@code ci95} are null and so
 * are the statistics; {@code referenceLosses} and the best single proxy are still given.
 *
 * @param proxyScales the proxies fitted, in study order
 * @param referenceFlops the compute the laws are extrapolated to
 * @param reason why the baseline is absent; null when present
 * @param fits one law per distribution, in the entries' {@code distributionNames} order
 * @param predictedLosses per distribution, its law at referenceFlops
 * @param referenceLosses per distribution, the reference's mean loss
 * @param decisionAccuracy share of distribution pairs the predictions order as the reference does
 * @param ci95 per statistic name, its bootstrap interval {@code [low, high]}, as on an entry
 * @param meanAbsoluteError mean of |predicted - reference| over distributions
 * @param rootMeanSquaredError root of the mean of (predicted - reference)^2
 * @param bestProxyScale the single proxy with the highest decision accuracy on the set, null when
 *     none is defined
 * @param bestProxyDecisionAccuracy its decision accuracy
 */
public record ExtrapolationBaseline(
    @JsonProperty(required = true) String evalSet,
    @JsonProperty(required = true) List<String> proxyScales,
    @JsonProperty(required = true) @Undefined double referenceFlops,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) List<ScalingLaw> fits,
    @JsonProperty(required = true) List<Double> predictedLosses,
    @JsonProperty(required = true) List<Double> referenceLosses,
    @JsonProperty(required = true) @Undefined double pearsonR,
    @JsonProperty(required = true) @Undefined double r2,
    @JsonProperty(required = true) @Undefined double spearman,
    @JsonProperty(required = true) @Undefined double kendall,
    @JsonProperty(required = true) @Undefined double decisionAccuracy,
    @JsonProperty(required = true) Map<String, List<Double>> ci95,
    @JsonProperty(required = true) @Undefined double meanAbsoluteError,
    @JsonProperty(required = true) @Undefined double rootMeanSquaredError,
    @JsonProperty(required = true) String bestProxyScale,
    @JsonProperty(required = true) @Undefined double bestProxyDecisionAccuracy) {}
