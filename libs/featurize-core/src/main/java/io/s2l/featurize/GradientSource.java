package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Per-example gradients of a model output function for a fixed, ordered set of n examples, one
 * chunk at a time: what a {@link Featurizer} projects.
 */
public interface GradientSource {

  /** n, the number of examples. */
  int size();

  /** p, the length of one flattened gradient. */
  int parameterCount();

  /**
   * Gradients of examples {@code from .. to - 1} as a {@code (to - from, p)} FLOAT32 array in
   * {@code manager} (or a sub-manager of it), one row per example in order. Everything else the
   * call allocates is freed before it returns.
   */
  NDArray gradients(NDManager manager, int from, int to);
}
