package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import io.s2l.classifier.ClassifierScale;

/**
 * {@link io.s2l.classifier.ImageClassifier}'s forward pass written as a function of per-example
 * weights: example b uses its own copy of every parameter, so one backward of {@code sum_b f_b}
 * leaves {@code grad f_b} in copy b, the per-example-gradient trick.
 *
 * <ul>
 *   <li>linear layer, weight copies (B, out, in), bias copies (B, out): {@code h (B, 1, in) @ W^T
 *       (B, in, out) + b}, a batched matmul;
 *   <li>convolution, weight copies (B, F, C, 3, 3), bias copies (B, F): one grouped convolution
 *       with B groups over the input reshaped to (1, B C, H, W), weights to (B F, C, 3, 3).
 * </ul>
 *
 * The layer sequence mirrors {@code ImageClassifier.forwardInternal}; {@link PerExampleGradients}
 * checks its margins against the network's own forward in the tests.
 */
final class BatchedClassifierForward {

  private static final Shape POOL = new Shape(2, 2);
  private static final Shape NO_PADDING = new Shape(0, 0);
  private static final Shape ONES = new Shape(1, 1);

  private BatchedClassifierForward() {}

  /**
   * @param pixels (B, H, W, C)
   * @param copies per-example parameters in the network's order: weight, bias per layer, head last
   * @return (B, classes) logits
   */
  static NDArray logits(ClassifierScale scale, NDArray pixels, NDList copies) {
    long batch = pixels.getShape().get(0);
    int layers = copies.size() / 2 - 1;
    NDArray x = scale.isCnn() ? pixels.transpose(0, 3, 1, 2) : pixels.reshape(batch, 1, -1);
    for (int l = 0; l < layers; l++) {
      NDArray w = copies.get(2 * l);
      NDArray b = copies.get(2 * l + 1);
      x = Activation.relu(scale.isCnn() ? convolution(x, w, b) : linear(x, w, b));
      // ImageClassifier pools a feature map while it is still at least 4x4 (ClassifierScale.pools)
      if (scale.isCnn() && x.getShape().get(2) >= 4 && x.getShape().get(3) >= 4) {
        x = Pool.maxPool2d(x, POOL, POOL, NO_PADDING, false);
      }
    }
    if (scale.isCnn()) {
      // global average pool, (B, F, h, w) -> (B, 1, F)
      Shape shape = x.getShape();
      x = x.reshape(batch, shape.get(1), shape.get(2) * shape.get(3)).mean(new int[] {2});
      x = x.expandDims(1);
    }
    return linear(x, copies.get(2 * layers), copies.get(2 * layers + 1)).squeeze(1);
  }

  /**
   * (B, 1, in) x weights (B, out, in) + bias (B, out) -> (B, 1, out), as a broadcast product summed
   * over {@code in} rather than a batched matmul: the same speed at these sizes (one read of the
   * weight copies either way, each used once), and the reduction order does not depend on B, so an
   * example's gradient is bit-identical whatever else is in its batch (measured; bmm is not).
   */
  private static NDArray linear(NDArray x, NDArray w, NDArray b) {
    return x.mul(w).sum(new int[] {2}).expandDims(1).add(b.expandDims(1));
  }

  /** (B, C, H, W) x weights (B, F, C, 3, 3) + bias (B, F) -> (B, F, H, W), padding 1. */
  private static NDArray convolution(NDArray x, NDArray w, NDArray b) {
    Shape in = x.getShape();
    Shape kernel = w.getShape();
    long batch = in.get(0);
    long filters = kernel.get(1);
    NDArray grouped = x.reshape(1, batch * in.get(1), in.get(2), in.get(3));
    NDArray weights = w.reshape(batch * filters, kernel.get(2), kernel.get(3), kernel.get(4));
    NDArray out =
        Conv2d.conv2d(
                grouped,
                weights,
                b.reshape(batch * filters),
                ONES,
                ONES,
                ONES,
                Math.toIntExact(batch))
            .singletonOrThrow();
    return out.reshape(batch, filters, in.get(2), in.get(3));
  }
}
