package io.s2l.api.mixture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The mixture one regression recommends from one proxy scale's runs; all fields required.
 *
 * @param name the distribution name the reference trains on it under
 * @param model {@code linear} or {@code xgboost}
 * @param proxyScale the scale whose runs were regressed
 * @param proxyFlops training FLOPs of one proxy model
 * @param weights the recommended domain weights
 * @param predictedLoss the regression's predicted target loss for it (at the proxy's scale)
 * @param leaveOneOutR2 how well the regression predicts a left-out proxy run
 * @param proxyRuns how many mixtures it was fitted on
 */
public record RecommendedMixture(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) double proxyFlops,
    @JsonProperty(required = true) Map<String, Double> weights,
    @JsonProperty(required = true) double predictedLoss,
    @JsonProperty(required = true) double leaveOneOutR2,
    @JsonProperty(required = true) int proxyRuns) {}
