package io.s2l.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention (Vaswani et al. 2017): softmax(Q K^T / sqrt(d_h) + M) V with M =
 * -inf above the diagonal, so position t attends only to positions <= t. Input and output (B, T,
 * C).
 */
final class CausalSelfAttention extends AbstractBlock {

  private final int width;
  private final int heads;
  private final Linear qkv;
  private final Linear projection;

  CausalSelfAttention(int width, int heads) {
    super((byte) 1);
    this.width = width;
    this.heads = heads;
    this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
    this.projection = addChildBlock("projection", Linear.builder().setUnits(width).build());
  }

  int headWidth() {
    return width / heads;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long batch = x.getShape().get(0);
    long time = x.getShape().get(1);
    NDManager manager = x.getManager();
    Step step = CausalMask.Constants.in(manager, time, headWidth()).step(batch, time);
    NDArray out = forward(store, x.reshape(batch * time, width), step, training);
    return new NDList(out.reshape(batch, time, width));
  }

  /**
   * The attention of {@code x}, (B*T, C) rows, batch-major: the layout TransformerLm keeps its
   * activations in, so that every Linear is one fused matmul with bias (addmm) and no reshape.
   */
  NDArray forward(ParameterStore store, NDArray x, Step step, boolean training) {
    long headWidth = headWidth();
    NDArray fused = qkv.forward(store, new NDList(x), training).singletonOrThrow();
    // (B*T, 3C) -> (B, T, 3, H, Dh) -> (3, B, H, T, Dh), split into three (1, B, H, T, Dh) views
    // by one op whose backward is one concatenation (three selects would each scatter into a
    // zero-filled copy of the whole tensor).
    NDList qkvSplit =
        fused
            .reshape(step.batch(), step.time(), 3, heads, headWidth)
            .transpose(2, 0, 3, 1, 4)
            .split(3, 0);
    // Scaling Q (T x Dh per head) is cheaper than scaling the scores (T x T); the scale is an
    // array owned by the step, never a Java number (see Step).
    NDArray q = qkvSplit.get(0).mul(step.scale());
    NDArray k = qkvSplit.get(1);
    NDArray v = qkvSplit.get(2);
    NDArray scores = q.matMul(k.transpose(0, 1, 2, 4, 3)); // (1, B, H, T, T)
    scores.addi(step.mask()); // in place: the matmul's backward does not need its output
    NDArray attended = scores.softmax(-1).matMul(v); // (1, B, H, T, Dh)
    NDArray merged = attended.transpose(0, 1, 3, 2, 4).reshape(step.batch() * step.time(), width);
    return projection.forward(store, new NDList(merged), training).singletonOrThrow();
  }

  /**
   * What every attention layer of one forward pass shares: the shape, the causal mask and the score
   * scale 1/sqrt(Dh), created once per forward pass in the manager of its activations. They are
   * arrays, not Java numbers: DJL turns a number operand into a temporary array whose memory is
   * freed while autograd still holds it for the backward pass, which corrupts gradients at random
   * once the garbage collector runs.
   */
  record Step(long batch, long time, NDArray mask, NDArray scale) {}

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    qkv.initialize(manager, dataType, in);
    projection.initialize(manager, dataType, in);
  }
}
