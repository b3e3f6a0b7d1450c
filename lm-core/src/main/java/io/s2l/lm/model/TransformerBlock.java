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

  private final LayerNorm attentionNorm = LayerNorm.builder().axis(2).build();
  private final CausalSelfAttention attention;
  private final LayerNorm mlpNorm = LayerNorm.builder().axis(2).build();
  private final Linear expand;
  private final Linear contract;

  TransformerBlock(int width, int heads) {
    super((byte) 1);
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
    NDList normed = attentionNorm.forward(store, new NDList(x), training);
    x = x.add(attention.forward(store, normed, training).singletonOrThrow());
    NDList hidden =
        expand.forward(store, mlpNorm.forward(store, new NDList(x), training), training);
    NDArray activated = Activation.gelu(hidden.singletonOrThrow());
    x = x.add(contract.forward(store, new NDList(activated), training).singletonOrThrow());
    return new NDList(x);
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
