package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * TRAK at one scale. {@code lds} and {@code ci95} are present and null without ground truth; {@code
 * undefinedTargets} is then absent. Every other field is required.
 *
 * @param lds mean Spearman correlation over targets between predicted and actual outputs
 * @param ci95 its bootstrap interval over targets {@code [low, high]}
 * @param undefinedTargets targets whose correlation was undefined (left out of the mean)
 * @param computeRatio reference training FLOPs / this scale's
 * @param trainingFlops training FLOPs of one model of this scale
 * @param models models TRAK ensembled over
 * @param orderSimilarityToReference mean Spearman of this scale's attributions with the reference's
 * @param seconds wall time of the TRAK computation
 * @param checkpoints C, the checkpoints per model TRAK ensembled over
 * @param pairedDifference mean over targets of LDS(this scale) - LDS(reference), over the targets
 *     where both are defined; null without ground truth
 * @param pairedCi95 its percentile bootstrap interval resampling targets (the same resample for
 *     both scales); null without ground truth
 * @param heldOutLds TRAK's LDS on exactly the held-out subsets the LASSO datamodel is scored on;
 *     null without the LASSO check
 * @param heldOutCi95 its bootstrap interval over targets; null without the LASSO check
 * @param heldOutMinusLasso mean over targets of heldOutLds(z) - LDS_LASSO(z), both scored on the
 *     same held-out subsets and targets; null without the LASSO check
 * @param heldOutMinusLassoCi95 its paired percentile bootstrap interval resampling targets (one
 *     resample for both); null without the LASSO check
 */
public record ScaleLds(
    @JsonProperty(required = true) String scale,
    @JsonProperty(required = true) Double lds,
    @JsonProperty(required = true) List<Double> ci95,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer undefinedTargets,
    @JsonProperty(required = true) double computeRatio,
    @JsonProperty(required = true) double trainingFlops,
    @JsonProperty(required = true) Integer models,
    @JsonProperty(required = true) double orderSimilarityToReference,
    @JsonProperty(required = true) double seconds,
    Integer checkpoints,
    Double pairedDifference,
    List<Double> pairedCi95,
    Double heldOutLds,
    List<Double> heldOutCi95,
    Double heldOutMinusLasso,
    List<Double> heldOutMinusLassoCi95) {}
