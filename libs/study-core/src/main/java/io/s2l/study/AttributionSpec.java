package io.s2l.study;

import static io.s2l.study.FieldChecks.between;
import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_MODELS_PER_SCALE;
import static io.s2l.study.StudyLimits.MAX_PROJECTION_DIMENSION;
import static io.s2l.study.StudyLimits.MAX_TARGETS;

import java.util.List;

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
 */
public record AttributionSpec(
    Integer modelsPerScale,
    Integer dimension,
    Long projectionSeed,
    Double lambda,
    Boolean useQ,
    Integer targets,
    Boolean lasso) {

  /** The distribution name of the models TRAK is computed from: the whole pool. */
  public static final String POOL = "pool";

  /** Featurisation jobs of a study with this many scales: pool and test set of every pool model. */
  public int featurisationJobs(int scales) {
    return 2 * scales * modelsPerScale;
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
   * @param imageStudy whether the study's dataset is an image set: attribution needs one
   * @param distributions the study's explicit distributions, which must leave {@link #POOL} free
   */
  public void validate(
      boolean imageStudy, List<MixtureSpec> distributions, List<FieldError> errors) {
    if (!imageStudy) {
      errors.add(
          new FieldError(
              "attribution",
              "attribution studies are available for image datasets (image classifiers) only"));
    }
    range(errors, "attribution.modelsPerScale", modelsPerScale, 1, MAX_MODELS_PER_SCALE);
    range(errors, "attribution.dimension", dimension, 1, MAX_PROJECTION_DIMENSION);
    between(errors, "attribution.lambda", lambda, 0, 1e6, true);
    range(errors, "attribution.targets", targets, 1, MAX_TARGETS, true);
    if (distributions != null
        && distributions.stream().anyMatch(d -> d != null && POOL.equals(d.name()))) {
      errors.add(
          new FieldError(
              "distributions", "the name '" + POOL + "' is reserved in attribution studies"));
    }
  }
}
