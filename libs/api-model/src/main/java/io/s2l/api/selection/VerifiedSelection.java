package io.s2l.api.selection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One selection trained at the reference and measured on the holdout targets; every field present.
 * {@code proxyScale}, {@code computeRatio} and {@code predictedLoss} are null except for DsDm.
 *
 * @param method {@code dsdm} or {@code similarity}
 * @param gainOverRandom random loss minus verified loss (positive is better)
 * @param ci95 its bootstrap interval over holdout examples {@code [low, high]}
 * @param accuracyGainOverRandom verified accuracy minus random accuracy
 * @param accuracyCi95 its bootstrap interval {@code [low, high]}
 * @param models reference models behind the verified numbers (one per seed)
 */
public record VerifiedSelection(
    @JsonProperty(required = true) String method,
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) Double computeRatio,
    @JsonProperty(required = true) Double predictedLoss,
    @JsonProperty(required = true) double verifiedLoss,
    @JsonProperty(required = true) double verifiedAccuracy,
    @JsonProperty(required = true) double randomLoss,
    @JsonProperty(required = true) double randomAccuracy,
    @JsonProperty(required = true) double gainOverRandom,
    @JsonProperty(required = true) List<Double> ci95,
    @JsonProperty(required = true) double accuracyGainOverRandom,
    @JsonProperty(required = true) List<Double> accuracyCi95,
    @JsonProperty(required = true) int models) {}
