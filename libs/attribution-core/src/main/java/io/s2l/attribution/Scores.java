package io.s2l.attribution;

import java.util.Arrays;
import java.util.Objects;

/**
 * An attribution matrix: tau(z)_i for every target z and pool example i, row-major targets x pool
 * ({@code values[z * pool + i]}). tau(z)_i is a linear datamodel weight, the predicted change of
 * the target's output f(z) (correct-class margin) when example i is in the training set: positive
 * helps, negative harms. The array is held, not copied (it can be hundreds of megabytes): do not
 * modify it after construction.
 *
 * @param targets number of targets t
 * @param pool number of pool examples n
 * @param values t x n scores
 */
public record Scores(int targets, int pool, float[] values) {

  /**
   * @throws IllegalArgumentException if a count is negative or values does not hold t x n scores
   */
  public Scores {
    Objects.requireNonNull(values, "values");
    if (targets < 0 || pool < 0) {
      throw new IllegalArgumentException(
          "targets and pool must be non-negative, got " + targets + " and " + pool);
    }
    if (values.length != (long) targets * pool) {
      throw new IllegalArgumentException(
          "values has "
              + values.length
              + " scores, "
              + targets
              + " targets x "
              + pool
              + " pool examples need "
              + (long) targets * pool);
    }
  }

  /** tau(target)_example. */
  public float get(int target, int example) {
    Objects.checkIndex(target, targets);
    Objects.checkIndex(example, pool);
    return values[target * pool + example];
  }

  /** A copy of the attribution vector tau(target), one score per pool example. */
  public float[] row(int target) {
    Objects.checkIndex(target, targets);
    return Arrays.copyOfRange(values, target * pool, (target + 1) * pool);
  }

  /** Equal shapes and equal scores (by {@link Arrays#equals(float[], float[])}). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Scores s
        && s.targets == targets
        && s.pool == pool
        && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * targets + pool) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Scores[" + targets + " targets x " + pool + " pool examples]";
  }
}
