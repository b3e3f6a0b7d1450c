package io.s2l.worker.features;

import io.s2l.study.FeaturizeJobSpec;

/**
 * Names of feature files in a run's directory; the margins file replaces {@code .f32} by {@code
 * -margins.f32}.
 */
final class FeatureFiles {

  private FeatureFiles() {}

  /**
   * {@code features-<examples>-k<k>-seed<seed>.f32} for the final model, with {@code
   * -checkpoint<c>} before the extension for snapshot c.
   */
  static String name(FeaturizeJobSpec spec) {
    return "features-"
        + spec.examples()
        + "-k"
        + spec.dimension()
        + "-seed"
        + spec.projectionSeed()
        + (spec.checkpoint() == null ? "" : "-checkpoint" + spec.checkpoint())
        + ".f32";
  }
}
