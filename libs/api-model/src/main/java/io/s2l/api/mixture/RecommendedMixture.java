package io.s2l.api.mixture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
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
 * @param predictionInterval the jackknife 95% prediction interval of {@code predictedLoss} {@code
 *     [low, high]} from the leave-one-out residuals (docs/science.md section 4.4); null with fewer
 *     than 19 proxy runs, where it is unbounded, and in documents stored before it was computed
 * @param support the domains whose weight varied across the proxy runs, the only ones the search
 *     moved; every other domain keeps the weight it had in every run (0 for a domain never trained
 *     on); null in documents stored before the search was restricted
 */
public record RecommendedMixture(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) double proxyFlops,
    @JsonProperty(required = true) Map<String, Double> weights,
    @JsonProperty(required = true) double predictedLoss,
    @JsonProperty(required = true) double leaveOneOutR2,
    @JsonProperty(required = true) int proxyRuns,
    List<Double> predictionInterval,
    List<String> support) {}
