package io.s2l.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A pre-LN transformer block: x + Attn(LN(x)), then x + MLP(LN(x)) with a GELU MLP of width 4C. */
final class TransformerBlock extends AbstractBlock {

  private final int width;
  private final LayerNorm attentionNorm = LayerNorm.builder().axis(2).build();
  private final CausalSelfAttention attention;
  private final LayerNorm mlpNorm = LayerNorm.builder().axis(2).build();
  private final Linear expand;
  private final Linear contract;

  TransformerBlock(int width, int heads) {
    super((byte) 1);
    this.width = width;
    addChildBlock("attentionNorm", attentionNorm);
    attention = addChildBlock("attention", new CausalSelfAttention(width, heads));
    addChildBlock("mlpNorm", mlpNorm);
    expand = addChildBlock("expand", Linear.builder().setUnits(4L * width).build());
    contract = addChildBlock("contract", Linear.builder().setUnits(width).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long batch = x.getShape().get(0);
    long time = x.getShape().get(1);
    NDManager manager = x.getManager();
    CausalSelfAttention.Step step =
        CausalMask.Constants.in(manager, time, attention.headWidth()).step(batch, time);
    NDArray out = forward(store, x.reshape(batch * time, width), step, training);
    return new NDList(out.reshape(batch, time, width));
  }

  /** The block on (B*T, C) rows; see {@link CausalSelfAttention#forward}. */
  NDArray forward(
      ParameterStore store, NDArray x, CausalSelfAttention.Step step, boolean training) {
    NDArray normed = attentionNorm.forward(store, new NDList(x), training).singletonOrThrow();
    // Residuals are added in place into the fresh output of the last Linear: addmm's backward does
    // not need its output, and the sum needs no new buffer.
    x = attention.forward(store, normed, step, training).addi(x);
    NDList hidden =
        expand.forward(store, mlpNorm.forward(store, new NDList(x), training), training);
    NDArray activated = Activation.gelu(hidden.singletonOrThrow());
    return contract.forward(store, new NDList(activated), training).singletonOrThrow().addi(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    attentionNorm.initialize(manager, dataType, in);
    attention.initialize(manager, dataType, in);
    mlpNorm.initialize(manager, dataType, in);
    expand.initialize(manager, dataType, in);
    contract.initialize(manager, dataType, in.slice(0, 2).add(4 * in.get(2)));
  }
}
