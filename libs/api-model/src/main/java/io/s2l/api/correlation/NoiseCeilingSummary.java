package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.s2l.api.Undefined;
import java.util.List;

/**
 * How well the reference predicts itself across seeds on one evaluation set: the correlation across
 * distributions of the mean losses of the first and the last {@code halfSeeds} of its seeds (with
 * an odd seed count the middle seed is in neither half). All fields required; statistics null when
 * undefined.
 *
 * @param evalSet the evaluation set
 * @param halfSeeds seeds in each half
 * @param pearsonR Pearson r of the two halves' mean losses
 * @param r2 pearsonR squared: the R^2 a proxy would have to reach to match a rerun of the reference
 * @param pearsonRCi95 bootstrap interval of pearsonR {@code [low, high]}, resampling distributions
 * @param r2Ci95 bootstrap interval of r2, from the same resamples
 * @param spearmanBrown pearsonR stepped up to the mean over all seeds, n r / (1 + (n - 1) r) with n
 *     = seeds / halfSeeds; null when pearsonR is not positive
 */
public record NoiseCeilingSummary(
    @JsonProperty(required = true) String evalSet,
    @JsonProperty(required = true) int halfSeeds,
    @JsonProperty(required = true) @Undefined double pearsonR,
    @JsonProperty(required = true) @Undefined double r2,
    @JsonProperty(required = true) List<Double> pearsonRCi95,
    @JsonProperty(required = true) List<Double> r2Ci95,
    @JsonProperty(required = true) @Undefined double spearmanBrown) {}
