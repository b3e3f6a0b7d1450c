package io.s2l.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/** Clipping by global L2 norm (Pascanu et al. 2013): g <- g * min(1, clip / ||g||_2). */
public final class GlobalNormClipping {

  private GlobalNormClipping() {}

  /**
   * Scales every gradient in place. Each {@code getGradient()} call returns a new native handle
   * attached to the parameter's manager; the handles are moved to {@code step} so that they are
   * freed with the step instead of accumulating in the model's manager.
   *
   * @return the norm before clipping
   */
  public static float clip(PairList<String, Parameter> parameters, float clip, NDManager step) {
    NDList gradients = new NDList(parameters.size());
    NDList squares = new NDList(parameters.size());
    for (Pair<String, Parameter> p : parameters) {
      NDArray gradient = p.getValue().getArray().getGradient();
      gradient.attach(step);
      gradients.add(gradient);
      squares.add(gradient.square().sum());
    }
    float norm = (float) Math.sqrt(NDArrays.stack(squares).sum().getFloat());
    if (norm > clip) {
      NDArray factor = step.create(clip / (norm + 1e-6f));
      for (NDArray g : gradients) {
        g.muli(factor);
      }
    }
    return norm;
  }
}
