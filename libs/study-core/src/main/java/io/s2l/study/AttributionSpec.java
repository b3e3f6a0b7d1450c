package io.s2l.study;

import static io.s2l.study.FieldChecks.between;
import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_CHECKPOINTS;
import static io.s2l.study.StudyLimits.MAX_MODELS_PER_SCALE;
import static io.s2l.study.StudyLimits.MAX_PROJECTION_DIMENSION;
import static io.s2l.study.StudyLimits.MAX_SUBSET;
import static io.s2l.study.StudyLimits.MAX_TARGETS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The attribution part of a study (docs/science.md section 3). A study with this block trains, at
 * every scale, {@code modelsPerScale} models on the whole pool (seeds 0 to M-1), featurises each of
 * them (projected per-example gradients of the pool and of the test set), and trains the reference
 * scale on every ground-truth subset (the study's subset distributions, with the study's seeds).
 * The analysis computes TRAK scores per scale and their linear datamodeling score (LDS) against the
 * reference models trained on the subsets.
 *
 * @param modelsPerScale M, the models per scale TRAK ensembles over
 * @param dimension k, the projected dimension of the features
 * @param projectionSeed seed of the random projection, shared by every model
 * @param lambda ridge term of the kernel {@code Phi^T Phi + lambda I}; 0 by default
 * @param useQ whether to multiply by {@code Q = diag(1 - p_i)} as the original TRAK does; the
 *     small-to-large paper drops it (false by default)
 * @param targets how many test examples, from the first, are attribution targets; all when null
 * @param lasso also fit a LASSO datamodel per target from the ground-truth subset runs and report
 *     its cross-fitted LDS (for small pools)
 * @param checkpoints C, the checkpoints of every pool model TRAK ensembles over: the final model
 *     and C - 1 snapshots taken at evenly spaced steps along its training (docs/science.md section
 *     3.3); 1 (the final model only) when null
 * @param targetSet text studies: the evaluation set whose examples are the attribution (and
 *     selection) targets; required there, refused for image studies, whose targets are the test set
 * @param poolSize text studies: how many training documents form the pool, a seeded uniform sample
 *     of the corpus; the whole corpus when null. Generated random subsets are drawn from this pool.
 * @param poolSeed seed of that sample (0 when null)
 */
public record AttributionSpec(
    Integer modelsPerScale,
    Integer dimension,
    Long projectionSeed,
    Double lambda,
    Boolean useQ,
    Integer targets,
    Boolean lasso,
    Integer checkpoints,
    String targetSet,
    Integer poolSize,
    Long poolSeed) {

  /** An image study's settings: one checkpoint per model, the test set as targets. */
  public AttributionSpec(
      Integer modelsPerScale,
      Integer dimension,
      Long projectionSeed,
      Double lambda,
      Boolean useQ,
      Integer targets,
      Boolean lasso) {
    this(
        modelsPerScale,
        dimension,
        projectionSeed,
        lambda,
        useQ,
        targets,
        lasso,
        null,
        null,
        null,
        null);
  }

  /** The distribution name of the models TRAK is computed from: the whole pool. */
  public static final String POOL = "pool";

  /**
   * Featurisation jobs of a study with this many scales: pool and targets of every checkpoint of
   * every pool model.
   */
  public int featurisationJobs(int scales) {
    return 2 * scales * modelsPerScale * checkpointsOrDefault();
  }

  public int checkpointsOrDefault() {
    return checkpoints != null ? checkpoints : 1;
  }

  public long poolSeedOrDefault() {
    return poolSeed != null ? poolSeed : 0L;
  }

  /**
   * The pool: every training document of the dataset, or with {@code poolSize} a seeded uniform
   * sample of that many, kept in the dataset's order.
   *
   * @param all the dataset's training document ids, in its stable order
   */
  public List<String> pool(List<String> all) {
    if (poolSize == null || poolSize >= all.size()) {
      return List.copyOf(all);
    }
    int[] order = new int[all.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(poolSeedOrDefault());
    for (int i = 0; i < poolSize; i++) { // partial Fisher-Yates: the first poolSize are the sample
      int j = i + random.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] chosen = Arrays.copyOf(order, poolSize);
    Arrays.sort(chosen);
    List<String> ids = new ArrayList<>(poolSize);
    for (int index : chosen) {
      ids.add(all.get(index));
    }
    return List.copyOf(ids);
  }

  public long projectionSeedOrDefault() {
    return projectionSeed != null ? projectionSeed : 0L;
  }

  public double lambdaOrDefault() {
    return lambda != null ? lambda : 0.0;
  }

  public boolean useQOrDefault() {
    return Boolean.TRUE.equals(useQ);
  }

  public boolean lassoOrDefault() {
    return Boolean.TRUE.equals(lasso);
  }

  /**
   * Adds an error for every setting out of its bounds.
   *
   * @param imageStudy whether the study's dataset is an image set
   * @param distributions the study's explicit distributions, which must leave {@link #POOL} free
   * @param evalSets the evaluation sets a text study may take its targets from
   */
  public void validate(
      boolean imageStudy,
      List<MixtureSpec> distributions,
      List<String> evalSets,
      List<FieldError> errors) {
    range(errors, "attribution.modelsPerScale", modelsPerScale, 1, MAX_MODELS_PER_SCALE);
    range(errors, "attribution.dimension", dimension, 1, MAX_PROJECTION_DIMENSION);
    between(errors, "attribution.lambda", lambda, 0, 1e6, true);
    range(errors, "attribution.targets", targets, 1, MAX_TARGETS, true);
    range(errors, "attribution.checkpoints", checkpoints, 1, MAX_CHECKPOINTS, true);
    if (imageStudy) {
      for (String field : imageOnlyRefusals()) {
        errors.add(new FieldError("attribution." + field, "applies to text studies only"));
      }
    } else {
      if (targetSet == null) {
        errors.add(
            new FieldError(
                "attribution.targetSet",
                "is required in a text study: one of the evaluation sets " + evalSets));
      } else if (!evalSets.contains(targetSet)) {
        errors.add(
            new FieldError(
                "attribution.targetSet", "unknown evaluation set; available: " + evalSets));
      }
      range(errors, "attribution.poolSize", poolSize, 2, MAX_SUBSET, true);
      if (Boolean.TRUE.equals(useQ)) {
        errors.add(
            new FieldError(
                "attribution.useQ",
                "language-model pools are featurised with the loss, which already carries TRAK's"
                    + " Q weighting (docs/science.md section 3.1); leave it off"));
      }
    }
    if (distributions != null
        && distributions.stream().anyMatch(d -> d != null && POOL.equals(d.name()))) {
      errors.add(
          new FieldError(
              "distributions", "the name '" + POOL + "' is reserved in attribution studies"));
    }
  }

  private List<String> imageOnlyRefusals() {
    List<String> refused = new ArrayList<>();
    if (targetSet != null) {
      refused.add("targetSet");
    }
    if (poolSize != null) {
      refused.add("poolSize");
    }
    if (poolSeed != null) {
      refused.add("poolSeed");
    }
    return refused;
  }
}
