package io.s2l.api.selection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One selection trained at the reference and measured on the holdout targets; every field present.
 * {@code proxyScale}, {@code computeRatio} and {@code predictedLoss} are null except for DsDm; the
 * accuracy fields are null where the target set has no accuracy (text answer sets).
 *
 * @param method {@code dsdm} or {@code similarity}
 * @param gainOverRandom random loss minus verified loss (positive is better)
 * @param ci95 its hierarchical bootstrap interval {@code [low, high]}: each resample draws seeds,
 *     random draws and holdout examples with replacement (docs/science.md section 4.3)
 * @param accuracyGainOverRandom verified accuracy minus random accuracy
 * @param accuracyCi95 its hierarchical bootstrap interval {@code [low, high]}
 * @param models reference models behind the verified numbers (one per seed)
 * @param size the selection's size
 */
public record VerifiedSelection(
    @JsonProperty(required = true) String method,
    @JsonProperty(required = true) String proxyScale,
    @JsonProperty(required = true) Double computeRatio,
    @JsonProperty(required = true) Double predictedLoss,
    @JsonProperty(required = true) double verifiedLoss,
    @JsonProperty(required = true) Double verifiedAccuracy,
    @JsonProperty(required = true) double randomLoss,
    @JsonProperty(required = true) Double randomAccuracy,
    @JsonProperty(required = true) double gainOverRandom,
    @JsonProperty(required = true) List<Double> ci95,
    @JsonProperty(required = true) Double accuracyGainOverRandom,
    @JsonProperty(required = true) List<Double> accuracyCi95,
    @JsonProperty(required = true) int models,
    Integer size) {}
