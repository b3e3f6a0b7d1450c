package io.s2l.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.s2l.study.ModelScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A decoder-only, pre-LN, causal transformer language model over bytes (GPT-2 layout): token and
 * learned position embeddings, {@code depth} blocks, a final LayerNorm and an untied output
 * projection to the 256 byte logits. Input (B, T) token ids as INT64; output (B, T, 256) logits.
 */
public final class TransformerLm extends AbstractBlock {

  private final ModelScale scale;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final List<TransformerBlock> blocks = new ArrayList<>();
  private final LayerNorm finalNorm = LayerNorm.builder().axis(2).build();
  private final Linear head = Linear.builder().setUnits(ModelScale.VOCABULARY).build();
  private final Map<Long, CausalMask.Constants> attentionConstants = new ConcurrentHashMap<>();

  public TransformerLm(ModelScale scale) {
    super((byte) 1);
    this.scale = scale;
    tokenEmbedding =
        addParameter(
            Parameter.builder()
                .setName("tokenEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(ModelScale.VOCABULARY, scale.width()))
                .build());
    positionEmbedding =
        addParameter(
            Parameter.builder()
                .setName("positionEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(scale.context(), scale.width()))
                .build());
    for (int i = 0; i < scale.depth(); i++) {
      blocks.add(addChildBlock("block" + i, new TransformerBlock(scale.width(), scale.heads())));
    }
    addChildBlock("finalNorm", finalNorm);
    addChildBlock("head", head);
  }

  /**
   * The causal mask for {@code time} positions and the score scale, for training: made once per
   * context length in the manager of the model's own parameter arrays and freed with the model.
   * Neither requires a gradient: the mask is only added in place, and autograd keeps its own
   * reference to the scale. Evaluation and featurisation make them per forward pass in the manager
   * of the tokens instead, because their parameter stores may hand out short-lived copies and they
   * must leave the model's manager as they found it.
   */
  private CausalMask.Constants attentionConstants(long time) {
    return attentionConstants.computeIfAbsent(
        time, t -> CausalMask.Constants.in(tokenEmbedding.getArray().getManager(), t, headWidth()));
  }

  private long headWidth() {
    return scale.width() / scale.heads();
  }

  public ModelScale scale() {
    return scale;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray tokens = inputs.singletonOrThrow();
    long batch = tokens.getShape().get(0);
    long time = tokens.getShape().get(1);
    NDArray table = store.getValue(tokenEmbedding, tokens.getDevice(), training);
    NDArray positions = store.getValue(positionEmbedding, tokens.getDevice(), training);
    NDArray x = Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
    x = x.add(time == scale.context() ? positions : positions.get("0:" + time));
    // Activations stay (B*T, C) rows through the blocks: every Linear is then one matmul with a
    // fused bias (addmm), where a (B, T, C) input costs a matmul plus a separate bias pass.
    x = x.reshape(batch * time, scale.width());
    CausalMask.Constants constants =
        training
            ? attentionConstants(time)
            : CausalMask.Constants.in(tokens.getManager(), time, headWidth());
    CausalSelfAttention.Step step = constants.step(batch, time);
    for (TransformerBlock block : blocks) {
      x = block.forward(store, x, step, training);
    }
    NDList normed = finalNorm.forward(store, new NDList(x), training);
    NDArray logits = head.forward(store, normed, training).singletonOrThrow();
    return new NDList(logits.reshape(batch, time, ModelScale.VOCABULARY));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), in.get(1), ModelScale.VOCABULARY)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape hidden = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), scale.width());
    for (TransformerBlock block : blocks) {
      block.initialize(manager, dataType, hidden);
    }
    finalNorm.initialize(manager, dataType, hidden);
    head.initialize(manager, dataType, hidden);
  }
}
