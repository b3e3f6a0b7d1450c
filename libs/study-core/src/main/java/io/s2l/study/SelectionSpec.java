package io.s2l.study;

import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_RANDOM_DRAWS;
import static io.s2l.study.StudyLimits.MAX_SELECTION_SIZES;
import static io.s2l.study.StudyLimits.MAX_TARGET_CLASSES;

import java.util.HashSet;
import java.util.List;

/**
 * The dataset-selection part of a study (docs/science.md section 4; needs the study's {@code
 * attribution} block for the proxies' TRAK settings). From the TRAK scores of every scale, s2l
 * selects the pool examples predicted to lower the target task's loss most (DsDm), and, as
 * baselines of the same size, {@code randomDraws} random subsets and the examples most similar to
 * the target task; it then trains the reference on each (with the study's seeds) and measures the
 * target task's holdout loss (and accuracy where the task has one).
 *
 * <p>One selection size ({@code size}) or a sweep ({@code sizes}, for example 10%, 25% and 50% of
 * the pool): every method and baseline is made at every size.
 *
 * <p>The target task is, in an image study, the test examples of {@code targetClasses} (every test
 * example when null); in a text study, the examples of the attribution block's {@code targetSet}.
 * Those at even positions choose the data, those at odd positions (the holdout) verify it.
 *
 * @param size n, how many pool examples each selection holds; or give {@code sizes}
 * @param targetClasses image studies: labels of the target task's test examples; all when null
 * @param randomDraws random baselines per size (5 when null)
 * @param seed seed of the random baselines (0 when null)
 * @param sizes a sweep over selection sizes, distinct, ascending order not required
 */
public record SelectionSpec(
    Integer size,
    List<Integer> targetClasses,
    Integer randomDraws,
    Long seed,
    List<Integer> sizes) {

  public static final String DSDM = "dsdm";
  public static final String RANDOM = "random";
  public static final String SIMILARITY = "similarity";

  /** One selection size. */
  public SelectionSpec(Integer size, List<Integer> targetClasses, Integer randomDraws, Long seed) {
    this(size, targetClasses, randomDraws, seed, null);
  }

  /** Random draws when the study does not say: enough to resample them. */
  public static final int DEFAULT_RANDOM_DRAWS = 5;

  public int randomDrawsOrDefault() {
    return randomDraws != null ? randomDraws : DEFAULT_RANDOM_DRAWS;
  }

  public long seedOrDefault() {
    return seed != null ? seed : 0L;
  }

  /** Every selection size: {@code sizes}, or the one {@code size}. */
  public List<Integer> allSizes() {
    return sizes != null ? List.copyOf(sizes) : List.of(size);
  }

  /** Whether this is a sweep ({@code sizes}): then every distribution name carries its size. */
  public boolean sweep() {
    return sizes != null;
  }

  /**
   * Reference models trained to verify: per size, one selection per scale, the baselines; every
   * seed.
   */
  public int verificationJobs(int scales, int seeds) {
    return allSizes().size() * (scales + randomDrawsOrDefault() + 1) * seeds;
  }

  /** The distribution name of the DsDm selection of {@code size} made with one scale's scores. */
  public String dsdmName(String scale, int size) {
    return sized(DSDM + "-" + scale, size);
  }

  /** The distribution name of random draw {@code draw} of {@code size}. */
  public String randomName(int size, int draw) {
    return sweep() ? RANDOM + "-n" + size + "-" + draw : RANDOM + "-" + draw;
  }

  /** The distribution name of the similarity baseline of {@code size}. */
  public String similarityName(int size) {
    return sized(SIMILARITY, size);
  }

  private String sized(String name, int size) {
    return sweep() ? name + "-n" + size : name;
  }

  /**
   * Adds an error for every setting out of its bounds.
   *
   * @param attribution whether the study has the attribution block selection needs
   * @param imageStudy whether the dataset is an image set (target classes apply only there)
   * @param poolSize training documents in the pool: the most a selection can hold
   */
  public void validate(
      boolean attribution, boolean imageStudy, int poolSize, List<FieldError> errors) {
    if (!attribution) {
      errors.add(
          new FieldError(
              "selection", "needs an attribution block (models per scale, dimension, lambda)"));
    }
    if ((size == null) == (sizes == null)) {
      errors.add(new FieldError("selection.size", "give either size or sizes (a sweep), not both"));
    } else if (size != null) {
      range(errors, "selection.size", size, 1, poolSize);
    } else if (sizes.isEmpty() || sizes.size() > MAX_SELECTION_SIZES) {
      errors.add(new FieldError("selection.sizes", "give 1 to " + MAX_SELECTION_SIZES + " sizes"));
    } else if (sizes.stream().anyMatch(n -> n == null || n < 1 || n > poolSize)) {
      errors.add(
          new FieldError(
              "selection.sizes", "every size must be between 1 and the pool's " + poolSize));
    } else if (new HashSet<>(sizes).size() != sizes.size()) {
      errors.add(new FieldError("selection.sizes", "sizes must be distinct"));
    }
    range(errors, "selection.randomDraws", randomDraws, 1, MAX_RANDOM_DRAWS, true);
    if (targetClasses != null) {
      if (!imageStudy) {
        errors.add(
            new FieldError(
                "selection.targetClasses",
                "applies to image studies; a text study's target task is attribution.targetSet"));
      } else if (targetClasses.isEmpty() || targetClasses.size() > MAX_TARGET_CLASSES) {
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
