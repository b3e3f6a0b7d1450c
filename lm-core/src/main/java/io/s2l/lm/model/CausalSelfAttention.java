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

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long batch = x.getShape().get(0);
    long time = x.getShape().get(1);
    long headWidth = width / heads;
    NDArray fused = qkv.forward(store, new NDList(x), training).singletonOrThrow();
    // (B, T, 3, H, Dh) -> (3, B, H, T, Dh)
    NDArray split = fused.reshape(batch, time, 3, heads, headWidth).transpose(2, 0, 3, 1, 4);
    NDArray q = split.get(0);
    NDArray k = split.get(1);
    NDArray v = split.get(2);
    // The scale is an array owned by the step's manager, not a Java number: DJL turns a number
    // operand into a temporary array whose memory is freed while autograd still holds it for the
    // backward pass, which corrupts gradients at random once the garbage collector runs.
    NDArray scale = x.getManager().create((float) (1 / Math.sqrt(headWidth)));
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale);
    scores = scores.add(CausalMask.of(x.getManager(), time));
    NDArray attended = scores.softmax(-1).matMul(v); // (B, H, T, Dh)
    NDArray merged = attended.transpose(0, 2, 1, 3).reshape(batch, time, width);
    return projection.forward(store, new NDList(merged), training);
  }

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
