package io.s2l.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The additive causal mask: 0 on and below the diagonal, -infinity above it. */
final class CausalMask {

  private CausalMask() {}

  /**
   * A (T, T) float mask in {@code manager}. Built on the JVM side and copied once per forward pass
   * (all blocks share it): one small transfer, no extra native ops.
   */
  static NDArray of(NDManager manager, long time) {
    int t = Math.toIntExact(time);
    float[] values = new float[t * t];
    for (int row = 0; row < t; row++) {
      for (int col = row + 1; col < t; col++) {
        values[row * t + col] = Float.NEGATIVE_INFINITY;
      }
    }
    return manager.create(values, new Shape(t, t));
  }

  /** The mask and the score scale that every attention layer of a forward pass shares. */
  record Constants(NDArray mask, NDArray scale) {

    /** Both made in {@code manager}, for {@code time} positions and heads of {@code headWidth}. */
    static Constants in(NDManager manager, long time, long headWidth) {
      return new Constants(CausalMask.of(manager, time), CausalMask.scale(manager, headWidth));
    }

    CausalSelfAttention.Step step(long batch, long time) {
      return new CausalSelfAttention.Step(batch, time, mask, scale);
    }
  }

  /** The attention score scale 1/sqrt(headWidth), a scalar array in {@code manager}. */
  static NDArray scale(NDManager manager, long headWidth) {
    return manager.create((float) (1 / Math.sqrt(headWidth)));
  }
}
