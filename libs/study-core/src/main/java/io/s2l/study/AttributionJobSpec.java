package io.s2l.study;

import java.util.List;
import java.util.UUID;

/**
 * The payload of an attribution study's analysis job, queued when all its models are trained and
 * featurised.
 *
 * @param studyId the study
 * @param dataset the image set whose training split is the pool and whose test split holds the
 *     targets
 * @param referenceScale the scale the ground-truth subset models are trained at
 * @param scales every scale, reference included, in study order; TRAK is computed at each
 * @param groundTruthRuns training job keys of the reference models trained on subsets
 * @param settings the study's attribution settings
 * @param selection the study's selection settings, or null: with them the job also selects data
 *     with each scale's scores and queues the reference models that verify the selections
 * @param seeds the study's seeds (the verification models are trained with each)
 */
public record AttributionJobSpec(
    UUID studyId,
    String dataset,
    String referenceScale,
    List<String> scales,
    List<String> groundTruthRuns,
    AttributionSpec settings,
    SelectionSpec selection,
    List<Long> seeds) {

  /** Training job keys of the M pool models of one scale. */
  public List<String> poolRuns(String scale) {
    return poolRunKeys(scale, settings.modelsPerScale());
  }

  public static List<String> poolRunKeys(String scale, int models) {
    return java.util.stream.IntStream.range(0, models)
        .mapToObj(seed -> scale + "/" + AttributionSpec.POOL + "/" + seed)
        .toList();
  }
}
