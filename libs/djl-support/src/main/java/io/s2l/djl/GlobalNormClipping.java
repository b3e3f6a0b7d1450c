package io.s2l.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/** Clipping by global L2 norm (Pascanu et al. 2013): g <- g * min(1, clip / (||g||_2 + 1e-6)). */
public final class GlobalNormClipping {

  private GlobalNormClipping() {}

  /**
   * Scales every gradient in place.
   *
   * @return the norm before clipping
   */
  public static float clip(PairList<String, Parameter> parameters, float clip, NDManager step) {
    NDList gradients = gradients(parameters, step);
    float norm = norm(gradients);
    float factor = factor(norm, clip);
    if (factor != 1f) {
      NDArray scale = step.create(factor);
      for (NDArray g : gradients) {
        g.muli(scale);
      }
    }
    return norm;
  }

  /**
   * The gradient of every parameter that has one, in parameter order. Each {@code getGradient()}
   * call returns a new native handle attached to the parameter's manager; the handles are moved to
   * {@code step} so that they are freed with the step instead of accumulating in the model's
   * manager.
   */
  public static NDList gradients(PairList<String, Parameter> parameters, NDManager step) {
    NDList gradients = new NDList(parameters.size());
    for (Pair<String, Parameter> p : parameters) {
      Parameter parameter = p.getValue();
      if (parameter.requiresGradient()) {
        NDArray gradient = parameter.getArray().getGradient();
        gradient.attach(step);
        gradients.add(gradient);
      }
    }
    return gradients;
  }

  /**
   * The L2 norm of all gradients together, sqrt(sum of every element squared), computed as the norm
   * of the per-array norms: one fused reduction per array and one over their norms, and no squared
   * copy of any gradient.
   */
  public static float norm(NDList gradients) {
    NDList norms = new NDList(gradients.size());
    for (NDArray g : gradients) {
      norms.add(g.norm());
    }
    return NDArrays.stack(norms).norm().getFloat();
  }

  /** The factor that brings a gradient of {@code norm} down to {@code clip}: 1 if it is within. */
  public static float factor(float norm, float clip) {
    return norm > clip ? clip / (norm + 1e-6f) : 1f;
  }
}
