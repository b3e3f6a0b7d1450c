package io.s2l.attribution;

import io.s2l.stats.Interval;

/**
 * A linear datamodeling score (docs/science.md section 3.4; Park et al. 2023, section 2.2).
 *
 * @param perTarget Spearman correlation, per target, between the actual outputs on the evaluation
 *     subsets and the datamodel's predictions; NaN where undefined (constant outputs or
 *     predictions)
 * @param mean mean of the defined per-target values (the LDS); NaN if none is defined
 * @param ci95 95% percentile bootstrap interval of the mean, resampling the defined targets; [NaN,
 *     NaN] if none is defined
 * @param undefinedTargets number of NaN entries of perTarget, left out of mean and ci95
 */
public record Lds(double[] perTarget, double mean, Interval ci95, int undefinedTargets) {

  /** Number of targets whose correlation is defined. */
  public int definedTargets() {
    return perTarget.length - undefinedTargets;
  }
}
