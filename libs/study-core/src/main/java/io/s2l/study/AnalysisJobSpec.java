package io.s2l.study;

import java.util.List;
import java.util.UUID;

/**
 * The payload of a study's analysis job: queued when all its training jobs succeeded, when results
 * trained elsewhere are imported, or when a user asks for a re-run.
 *
 * @param studyId the study
 * @param source where the per-example losses are: {@code training} (trained by s2l's workers) or
 *     {@code import} (brought by the user); {@code training} when null
 * @param referenceScale the scale every proxy is compared with
 * @param scales every scale, reference included, in study order
 * @param distributions names of the training distributions, in study order
 * @param evalSets evaluation sets, in study order
 * @param seeds training seeds (losses are averaged over them)
 * @param metric what the recommendation bounds: {@code decisionAccuracy} (default) or {@code r2}
 * @param threshold the lower confidence bound the recommended proxy must clear; 0.8 when null
 * @param minDistributions the fewest distributions a study needs for a recommendation; 6 when null
 */
public record AnalysisJobSpec(
    UUID studyId,
    String source,
    String referenceScale,
    List<String> scales,
    List<String> distributions,
    List<String> evalSets,
    List<Long> seeds,
    String metric,
    Double threshold,
    Integer minDistributions) {

  public static final String SOURCE_TRAINING = "training";
  public static final String SOURCE_IMPORT = "import";

  public String sourceOrDefault() {
    return source != null ? source : SOURCE_TRAINING;
  }

  /** The same analysis with other recommendation settings. */
  public AnalysisJobSpec withRecommendation(
      String metric, Double threshold, Integer minDistributions) {
    return new AnalysisJobSpec(
        studyId,
        source,
        referenceScale,
        scales,
        distributions,
        evalSets,
        seeds,
        metric,
        threshold,
        minDistributions);
  }
}
