package io.s2l.api.mixture;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One recommended mixture trained at the reference; every field present.
 *
 * @param method {@code mixture-linear} or {@code mixture-xgboost}
 * @param computeRatio reference training FLOPs / proxy training FLOPs
 * @param predictedLoss the regression's prediction (at the proxy's scale)
 * @param gainOverRandom random loss minus verified loss (positive is better)
 * @param ci95 its 95% bootstrap interval {@code [low, high]}: hierarchical (seeds, random mixtures
 *     and the target set's examples resampled, as {@code MixtureVerification.resampled} says); over
 *     the examples only in documents stored without {@code resampled}
 * @param verifiedAccuracy null for target sets without accuracy
 * @param randomAccuracy null for target sets without accuracy
 * @param models reference models behind the verified numbers (one per seed)
 * @param predictionInterval the recommendation's prediction interval of {@code predictedLoss}; null
 *     where it has none
 */
public record VerifiedMixture(
    @JsonProperty(required = true) String method,
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) double computeRatio,
    @JsonProperty(required = true) double predictedLoss,
    @JsonProperty(required = true) double verifiedLoss,
    @JsonProperty(required = true) double randomLoss,
    @JsonProperty(required = true) double gainOverRandom,
    @JsonProperty(required = true) List<Double> ci95,
    @JsonProperty(required = true) Double verifiedAccuracy,
    @JsonProperty(required = true) Double randomAccuracy,
    @JsonProperty(required = true) double leaveOneOutR2,
    @JsonProperty(required = true) Map<String, Double> weights,
    @JsonProperty(required = true) int models,
    List<Double> predictionInterval) {}
