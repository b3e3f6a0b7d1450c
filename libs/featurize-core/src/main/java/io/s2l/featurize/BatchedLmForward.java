package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import io.s2l.study.ModelScale;
import java.util.List;

/**
 * {@link io.s2l.lm.model.TransformerLm}'s forward pass written as a function of per-example
 * weights: example b uses its own copy of every parameter (a leading dimension B), so one backward
 * of {@code sum_b f_b} leaves {@code grad f_b} in copy b. Example b's windows are rows {@code (b,
 * r)}, T positions each; every layer treats the {@code N = R T} positions of an example as the rows
 * of one matrix:
 *
 * <ul>
 *   <li>token embedding: the B tables stacked into one (B 256, C) table, example b's bytes shifted
 *       by 256 b ({@link LmBatch#tokensIntoStackedTables}), one embedding lookup; positions (B, T,
 *       C) broadcast over the windows;
 *   <li>LayerNorm: the fused normalisation without affine, then {@code * gamma_b + beta_b}; epsilon
 *       1e-5, DJL's default, which the model's norms use;
 *   <li>Linear: {@code x_b W_b^T + b_b}, a batched matmul (B, N, in) x (B, in, out);
 *   <li>attention has no weights: the (B R) windows are its batch, with the causal mask and the
 *       scale on Q exactly as in lm-core's {@code CausalSelfAttention};
 *   <li>GELU: the erf form, DJL's {@code Activation.gelu}, as in the model.
 * </ul>
 *
 * Parameters are consumed in the network's order and their names checked, so a change to the
 * model's layout fails here rather than mixing weights up.
 */
final class BatchedLmForward {

  private static final float EPSILON = 1e-5f;

  private final ModelScale scale;
  private final List<ParameterSlice> layout;
  private final NDList copies;
  private final NDManager manager;
  private int next;

  private BatchedLmForward(
      ModelScale scale, List<ParameterSlice> layout, NDList copies, NDManager manager) {
    this.scale = scale;
    this.layout = layout;
    this.copies = copies;
    this.manager = manager;
  }

  /**
   * @param tokens (B, R, T) INT64, shifted into stacked tables
   * @param copies per-example copies (B, ...) of every parameter, in {@code layout}'s order
   * @param manager where constants are created: the step's manager
   * @return (B, R T, 256) logits
   */
  static NDArray logits(
      ModelScale scale,
      NDArray tokens,
      List<ParameterSlice> layout,
      NDList copies,
      NDManager manager) {
    return new BatchedLmForward(scale, layout, copies, manager).forward(tokens);
  }

  private NDArray forward(NDArray tokens) {
    Shape shape = tokens.getShape();
    long batch = shape.get(0);
    long rows = shape.get(1);
    long time = shape.get(2);
    long width = scale.width();
    NDArray table = parameter("tokenEmbedding").reshape(batch * ModelScale.VOCABULARY, width);
    NDArray positions = parameter("positionEmbedding");
    if (time < scale.context()) {
      positions = positions.get(new NDIndex(":, :{}", time));
    }
    NDArray x = Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
    x = x.addi(positions.expandDims(1)).reshape(batch, rows * time, width);
    Constants constants = Constants.of(manager, width, time, width / scale.heads());
    for (int block = 0; block < scale.depth(); block++) {
      NDArray normed = norm(x, "attentionNorm", constants);
      x = attention(normed, batch * rows, time, constants).addi(x);
      NDArray hidden = linear(norm(x, "mlpNorm", constants), "expand");
      x = linear(Activation.gelu(hidden), "contract").addi(x);
    }
    return linear(norm(x, "finalNorm", constants), "head");
  }

  private NDArray attention(NDArray x, long windows, long time, Constants constants) {
    int heads = scale.heads();
    long width = scale.width();
    NDList qkv =
        linear(x, "qkv")
            .reshape(windows, time, 3, heads, width / heads)
            .transpose(2, 0, 3, 1, 4)
            .split(3, 0);
    NDArray q = qkv.get(0).mul(constants.scale());
    NDArray scores = q.matMul(qkv.get(1).transpose(0, 1, 2, 4, 3)); // (1, B R, H, T, T)
    scores.addi(constants.mask());
    NDArray attended = scores.softmax(-1).matMul(qkv.get(2));
    NDArray merged =
        attended.transpose(0, 1, 3, 2, 4).reshape(x.getShape().get(0), x.getShape().get(1), width);
    return linear(merged, "projection");
  }

  /** (B, N, in) -> (B, N, out) with example b's weight (out, in) and bias (out). */
  private NDArray linear(NDArray x, String name) {
    NDArray weight = parameter(name + "_weight");
    NDArray bias = parameter(name + "_bias");
    // in place into the matmul's fresh output, whose value its backward does not need
    return x.matMul(weight.transpose(0, 2, 1)).addi(bias.expandDims(1));
  }

  private NDArray norm(NDArray x, String name, Constants constants) {
    NDArray gamma = parameter(name + "_gamma");
    NDArray beta = parameter(name + "_beta");
    NDArray normalised =
        LayerNorm.layerNorm(x, constants.normShape(), constants.ones(), constants.zeros(), EPSILON)
            .singletonOrThrow();
    return normalised.mul(gamma.expandDims(1)).addi(beta.expandDims(1));
  }

  /** The next parameter's copies, after checking that it is the one the forward expects. */
  private NDArray parameter(String suffix) {
    if (next >= layout.size() || !layout.get(next).name().endsWith(suffix)) {
      throw new IllegalStateException(
          "expected parameter *%s at position %d of the layout, found %s"
              .formatted(suffix, next, next < layout.size() ? layout.get(next).name() : "the end"));
    }
    return copies.get(next++);
  }

  /** Arrays every layer of one forward pass shares, none requiring a gradient. */
  private record Constants(
      Shape normShape, NDArray ones, NDArray zeros, NDArray mask, NDArray scale) {

    static Constants of(NDManager manager, long width, long time, long headWidth) {
      int t = Math.toIntExact(time);
      float[] mask = new float[t * t];
      for (int row = 0; row < t; row++) {
        for (int col = row + 1; col < t; col++) {
          mask[row * t + col] = Float.NEGATIVE_INFINITY;
        }
      }
      return new Constants(
          new Shape(width),
          manager.ones(new Shape(width)),
          manager.zeros(new Shape(width)),
          manager.create(mask, new Shape(t, t)),
          manager.create((float) (1 / Math.sqrt(headWidth))));
    }
  }
}
