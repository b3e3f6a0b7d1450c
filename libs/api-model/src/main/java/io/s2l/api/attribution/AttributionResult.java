package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * An attribution study's analysis, as stored (one document per version) and served by {@code GET
 * /api/v1/studies/{id}/attribution}.
 *
 * <p>Required when read: every field but {@code version} and {@code ldsPlot}, which only the served
 * document has ({@code ldsPlot} only with ground truth). {@code groundTruth}, {@code lasso} and
 * {@code selection} are always present and null when the study did not ask for them. {@code
 * targetSet} and {@code topDocuments} are present in documents written since text studies could be
 * attributed, null for image studies.
 *
 * @param dataset the image set (its training split is the pool, its test split holds the targets)
 *     or the corpus the pool was sampled from
 * @param pool examples in the pool
 * @param targets attribution targets
 * @param targetTestIndices the targets' indices in the test split, or in the target set of a text
 *     study
 * @param settings the study's attribution settings, as submitted
 * @param groundTruth the reference models trained on subsets, or null without
 * @param lds per scale, TRAK's linear datamodeling score and compute
 * @param orderSimilarity per pair of scales, how alike their attributions order the pool
 * @param lasso the LASSO datamodel's held-out LDS, or null when not asked for
 * @param selection the data selected with each scale's scores, or null for no selection study
 * @param targetSet text studies: the evaluation set holding the targets; null for images
 * @param topDocuments text studies: for the first {@value #TOP_TARGETS} targets and every scale,
 *     the {@value #TOP_DOCUMENTS} most helpful and most harmful pool documents; null for images
 */
public record AttributionResult(
    @JsonProperty(required = true) UUID studyId,
    @JsonProperty(required = true) String dataset,
    @JsonProperty(required = true) String referenceScale,
    @JsonProperty(required = true) int pool,
    @JsonProperty(required = true) int targets,
    @JsonProperty(required = true) List<Integer> targetTestIndices,
    @JsonProperty(required = true) AttributionSettings settings,
    @JsonProperty(required = true) GroundTruthSize groundTruth,
    @JsonProperty(required = true) List<ScaleLds> lds,
    @JsonProperty(required = true) List<OrderSimilarity> orderSimilarity,
    @JsonProperty(required = true) LassoCheck lasso,
    @JsonProperty(required = true) SelectionPlan selection,
    String targetSet,
    List<TargetDocuments> topDocuments,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
    @JsonInclude(JsonInclude.Include.NON_NULL) String ldsPlot) {

  /** Targets whose top documents a text study's document lists. */
  public static final int TOP_TARGETS = 3;

  /** Helpful and harmful documents listed per target and scale. */
  public static final int TOP_DOCUMENTS = 3;

  /** Whether the LDS was measured: only with ground truth. */
  public boolean hasLds() {
    return groundTruth != null;
  }

  /** This document as served: with its version, and the LDS plot's link when there is an LDS. */
  public AttributionResult served(int version) {
    return new AttributionResult(
        studyId,
        dataset,
        referenceScale,
        pool,
        targets,
        targetTestIndices,
        settings,
        groundTruth,
        lds,
        orderSimilarity,
        lasso,
        selection,
        targetSet,
        topDocuments,
        version,
        hasLds() ? "/api/v1/studies/" + studyId + "/attribution/lds.svg" : null);
  }
}
