package io.s2l.api.selection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * A selection study's verified selections, as stored (one document per version) and served by
 * {@code GET /api/v1/studies/{id}/selection}.
 *
 * <p>Required when read: every field but {@code version}, which only the served document has.
 *
 * @param attributionVersion the attribution analysis whose selections were verified
 * @param size pool examples per selection (the first size of a sweep)
 * @param targetClasses labels of the target task's test examples; null for all
 * @param holdoutTargets how many holdout test examples verified the selections
 * @param random the random baseline: the mean over its draws
 * @param entries per non-random selection, the reference's verified result and its gain
 * @param gainPlot link to the gain plot (SVG)
 * @param sizes every selection size (one unless the study sweeps sizes)
 * @param targetSet text studies: the evaluation set of the target task; null for images
 * @param randomBySize per size, the random baseline ({@code random} is that of the first size)
 * @param resampled the units the gains' intervals resample: {@code ["seeds", "randomDraws",
 *     "examples"]}; null in documents stored before it was stated
 */
public record SelectionResult(
    @JsonProperty(required = true) UUID studyId,
    @JsonProperty(required = true) int attributionVersion,
    @JsonProperty(required = true) String referenceScale,
    @JsonProperty(required = true) int size,
    @JsonProperty(required = true) List<Integer> targetClasses,
    @JsonProperty(required = true) int holdoutTargets,
    @JsonProperty(required = true) RandomBaseline random,
    @JsonProperty(required = true) List<VerifiedSelection> entries,
    @JsonProperty(required = true) String gainPlot,
    List<Integer> sizes,
    String targetSet,
    List<RandomBaseline> randomBySize,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
    List<String> resampled) {

  /** This document as served: with its version. */
  public SelectionResult served(int version) {
    return new SelectionResult(
        studyId,
        attributionVersion,
        referenceScale,
        size,
        targetClasses,
        holdoutTargets,
        random,
        entries,
        gainPlot,
        sizes,
        targetSet,
        randomBySize,
        version,
        resampled);
  }
}
