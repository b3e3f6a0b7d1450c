package io.s2l.study;

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
}
