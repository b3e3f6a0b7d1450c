package io.s2l.study;

import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_RANDOM_DRAWS;
import static io.s2l.study.StudyLimits.MAX_TARGET_CLASSES;

import java.util.HashSet;
import java.util.List;

/**
 * The dataset-selection part of a study (docs/science.md section 4; needs the study's {@code
 * attribution} block for the proxies' TRAK settings). From the TRAK scores of every scale, s2l
 * selects the {@code size} pool examples predicted to lower the target task's loss most (DsDm),
 * and, as baselines of the same size, {@code randomDraws} random subsets and the examples most
 * similar to the target task; it then trains the reference on each (with the study's seeds) and
 * measures the target task's holdout loss and accuracy.
 *
 * <p>The target task is the test examples of {@code targetClasses} (every test example when null):
 * those at even positions choose the data, those at odd positions (the holdout) verify it.
 *
 * @param size n, how many pool examples each selection holds
 * @param targetClasses labels of the target task's test examples; all when null
 * @param randomDraws random baselines (3 when null)
 * @param seed seed of the random baselines (0 when null)
 */
public record SelectionSpec(
    Integer size, List<Integer> targetClasses, Integer randomDraws, Long seed) {

  public static final String DSDM = "dsdm";
  public static final String RANDOM = "random";
  public static final String SIMILARITY = "similarity";

  public int randomDrawsOrDefault() {
    return randomDraws != null ? randomDraws : 3;
  }

  public long seedOrDefault() {
    return seed != null ? seed : 0L;
  }

  /** Reference models trained to verify: one selection per scale, the baselines, every seed. */
  public int verificationJobs(int scales, int seeds) {
    return (scales + randomDrawsOrDefault() + 1) * seeds;
  }

  /** The distribution name of the DsDm selection made with one scale's scores. */
  public static String dsdmName(String scale) {
    return DSDM + "-" + scale;
  }

  public static String randomName(int draw) {
    return RANDOM + "-" + draw;
  }

  /**
   * Adds an error for every setting out of its bounds.
   *
   * @param attribution whether the study has the attribution block selection needs
   * @param poolSize training documents in the dataset: the most a selection can hold
   */
  public void validate(boolean attribution, int poolSize, List<FieldError> errors) {
    if (!attribution) {
      errors.add(
          new FieldError(
              "selection", "needs an attribution block (models per scale, dimension, lambda)"));
    }
    range(errors, "selection.size", size, 1, poolSize);
    range(errors, "selection.randomDraws", randomDraws, 1, MAX_RANDOM_DRAWS, true);
    if (targetClasses != null) {
      if (targetClasses.isEmpty() || targetClasses.size() > MAX_TARGET_CLASSES) {
        errors.add(
            new FieldError(
                "selection.targetClasses",
                "give 1 to " + MAX_TARGET_CLASSES + " labels, or omit it for every test example"));
      } else if (targetClasses.stream().anyMatch(c -> c == null || c < 0)
          || new HashSet<>(targetClasses).size() != targetClasses.size()) {
        errors.add(new FieldError("selection.targetClasses", "labels must be distinct and >= 0"));
      }
    }
  }
}
