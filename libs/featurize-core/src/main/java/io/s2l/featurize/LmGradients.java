package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.s2l.lm.eval.ScoredSequence;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.ModelScale;
import java.util.List;

/**
 * Per-example gradients of a byte-level transformer's output functions (TRAK, docs/science.md
 * section 3.1; the functions are {@link LmOutput}'s): for example z, {@code g(z) = grad_theta f(z;
 * theta)} over every trainable parameter in the network's order ({@link #layout()}), one vector of
 * length {@link #parameterCount()} per example. A sequence longer than the context is cut into
 * windows as {@code io.s2l.lm.eval.SequenceScorer} cuts it, and f sums over all of them. The model
 * is not changed.
 *
 * <p>Two paths, equal up to float rounding:
 *
 * <ul>
 *   <li>{@link #batched}: every example gets its own copy of the weights (a leading batch
 *       dimension), one forward over all copies at once ({@link BatchedLmForward}), one backward of
 *       {@code sum_b f_b}; what {@link #source} hands a {@link Featurizer};
 *   <li>{@link #reference}: one example at a time through the network's own forward, on fresh
 *       copies of the parameters, one backward each.
 * </ul>
 *
 * <p>Memory of a batched call: about {@link #bytesPerExample} per example of native memory at its
 * peak, all freed before the call returns except the gradients; {@link #chunkSize} turns a budget
 * into a batch size. Both paths open a {@code GradientCollector}, of which PyTorch allows one per
 * JVM at a time: do not call them while a model trains in the same JVM.
 */
public final class LmGradients {

  private final TrainedModel model;
  private final TransformerLm network;
  private final ModelScale scale;
  private final TrainableParameters trainable;

  private LmGradients(TrainedModel model) {
    this.model = model;
    this.network = model.network();
    this.scale = network.scale();
    this.trainable = TrainableParameters.of(network);
  }

  /** Gradients of {@code model}, which must stay open while this is used. */
  public static LmGradients of(TrainedModel model) {
    return new LmGradients(model);
  }

  /** p, the length of one flattened gradient: every trainable parameter, embeddings included. */
  public int parameterCount() {
    return trainable.count();
  }

  /** Where each parameter sits in a flattened gradient, in order. */
  public List<ParameterSlice> layout() {
    return trainable.layout();
  }

  /** Gradients and values of f by the weight-copies path, all examples in one batch. */
  public PerExampleGradients.Result batched(List<LmExample> examples) {
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      TrainableParameters.Batch batch = compute(manager, examples);
      return new PerExampleGradients.Result(
          examples.size(), trainable.count(), batch.gradients().toFloatArray(), batch.values());
    }
  }

  /** The reference: gradients and values of f, one example and one backward at a time. */
  public PerExampleGradients.Result reference(List<LmExample> examples) {
    int rows = examples.size();
    int p = trainable.count();
    float[] gradients = new float[Math.multiplyExact(rows, p)];
    float[] values = new float[rows];
    for (int i = 0; i < rows; i++) {
      LmBatch one = LmBatch.of(List.of(examples.get(i)), scale.context());
      values[i] =
          trainable.backwardOne(
              model.model().getNDManager(),
              (manager, store) -> {
                NDArray in = manager.create(one.tokens, new Shape(one.rows, one.time));
                NDArray logits = network.forward(store, new NDList(in), false).singletonOrThrow();
                return LmOutputFunction.values(
                    logits.reshape(1, one.positions(), ModelScale.VOCABULARY), one, manager);
              },
              gradients,
              i * p);
    }
    return new PerExampleGradients.Result(rows, p, gradients, values);
  }

  /**
   * The examples as a {@link GradientSource} for a featurizer, by the weight-copies path, each
   * chunk of the featurizer in one batch.
   */
  public GradientSource source(List<LmExample> examples) {
    return source(examples, Integer.MAX_VALUE);
  }

  /**
   * The examples as a {@link GradientSource} whose chunks are computed {@code batch} examples at a
   * time and concatenated: the batch bounds the memory of the forward and backward pass ({@link
   * #chunkSize}), while a featurizer chunk of several batches projects more rows per block of P (a
   * gradient costs {@code 4 p} bytes against {@link #bytesPerExample} for its batch slot).
   *
   * @param batch examples per forward and backward pass, at least 1
   */
  public GradientSource source(List<LmExample> examples, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, was " + batch);
    }
    return new GradientSource() {
      @Override
      public int size() {
        return examples.size();
      }

      @Override
      public int parameterCount() {
        return trainable.count();
      }

      @Override
      public NDArray gradients(NDManager manager, int from, int to) {
        if (to - from <= batch) {
          return compute(manager, examples.subList(from, to)).gradients();
        }
        NDList parts = new NDList();
        try (NDManager scratch = manager.newSubManager()) {
          for (int start = from; start < to; start += batch) {
            parts.add(
                compute(scratch, examples.subList(start, Math.min(to, start + batch))).gradients());
          }
          NDArray all = NDArrays.concat(parts, 0);
          all.attach(manager);
          return all;
        }
      }
    };
  }

  /**
   * The mean per-byte log-odds of each sequence's scored bytes ({@link LmOutput#MEAN_BYTE_MARGIN}),
   * one backward per sequence. A sequence longer than the context loses bytes from the start of its
   * prompt; an answer longer than the context is refused.
   */
  public PerExampleGradients.Result loop(List<ScoredSequence> sequences) {
    return reference(byteMargins(sequences));
  }

  /** {@link #loop}'s sequences as a {@link GradientSource}, by the weight-copies path. */
  public GradientSource over(List<ScoredSequence> sequences) {
    return source(byteMargins(sequences));
  }

  /**
   * Native memory of the weight-copies path per example at its peak, an estimate from the shapes:
   * four copies of the parameters (the repeated weights, their gradients, the flattened gradient
   * and the concatenation's input) and, per position of the example's windows, what autograd keeps
   * for the backward pass plus the gradients in flight: {@code C (8 + 24 L) + 2 L H T + 3 x 256}
   * floats for width C, L blocks, H heads. Calibrated on the resident set: for d 48, 2 blocks, 4
   * heads and 256-byte documents (4 windows of 64) batches of 16 to 64 grew it by 5.4 MiB per
   * document; this estimate is 5.8 MiB.
   *
   * @param rows windows of the example (its R)
   * @param time predictions per window (its T), at most the context
   */
  public long bytesPerExample(int rows, int time) {
    long width = scale.width();
    long depth = scale.depth();
    long perPosition =
        width * (8 + 24 * depth) + 2 * depth * scale.heads() * time + 3L * ModelScale.VOCABULARY;
    return Float.BYTES * (4L * trainable.count() + (long) rows * time * perPosition);
  }

  /**
   * How many of {@code examples} fit a batch in {@code budgetBytes} of native memory by {@link
   * #bytesPerExample}, sized by the example with the most windows: at least 1, at most the number
   * of examples.
   */
  public int chunkSize(List<LmExample> examples, long budgetBytes) {
    if (examples.isEmpty()) {
      return 1;
    }
    int rows = 1;
    for (LmExample example : examples) {
      int count = 0;
      for (ScoredSequence sequence : example.sequences()) {
        count += LmWindows.of(sequence, scale.context()).size();
      }
      rows = Math.max(rows, count);
    }
    long fit = budgetBytes / bytesPerExample(rows, scale.context());
    return (int) Math.max(1, Math.min(examples.size(), fit));
  }

  private TrainableParameters.Batch compute(NDManager manager, List<LmExample> chunk) {
    LmBatch batch = LmBatch.of(chunk, scale.context());
    long[] tokens = batch.tokensIntoStackedTables(ModelScale.VOCABULARY);
    return trainable.backwardBatched(
        manager,
        chunk.size(),
        (step, copies) -> {
          NDArray in = step.create(tokens, new Shape(batch.examples, batch.rows, batch.time));
          NDArray logits = BatchedLmForward.logits(scale, in, trainable.layout(), copies, step);
          return LmOutputFunction.values(logits, batch, step);
        });
  }

  private List<LmExample> byteMargins(List<ScoredSequence> sequences) {
    int context = scale.context();
    for (ScoredSequence sequence : sequences) {
      if (sequence.scoredBytes() > context) {
        throw new IllegalArgumentException(
            "an answer of %d bytes does not fit a context of %d"
                .formatted(sequence.scoredBytes(), context));
      }
    }
    return sequences.stream().map(LmExample::byteMargin).toList();
  }
}
