package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.s2l.lm.eval.ScoredSequence;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.TrainedModel;
import java.util.List;

/**
 * Per-example gradients of the language-model output function of TRAK (docs/science.md section
 * 3.1): for a sequence whose answer is bytes {@code a .. n - 1}, {@code f = (1 / (n - a))
 * sum_{t=a}^{n-1} [z_t(x_t) - logsumexp_{j != x_t} z_t(j)]}, the mean over answer bytes of the
 * log-odds {@code log(p / (1 - p))} of the correct next byte, where {@code z_t} are the logits
 * predicting byte t from the bytes before it. Flattened in the network's parameter order ({@link
 * #layout()}).
 *
 * <p>Only the reference path exists here: each sequence alone through the network's own forward, on
 * fresh copies of the parameters, one backward. A batched weight-copies path would need the
 * transformer rewritten as a function of per-example weights (attention, LayerNorm, embeddings).
 *
 * <p>A sequence longer than the context loses bytes from the start of its prompt: the window is its
 * last {@code context + 1} bytes (context inputs, context targets), as in {@link
 * io.s2l.lm.eval.SequenceScorer}; an answer longer than the context is refused.
 */
public final class LmGradients {

  private final TrainedModel model;
  private final TransformerLm network;
  private final TrainableParameters trainable;

  private LmGradients(TrainedModel model) {
    this.model = model;
    this.network = model.network();
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

  /** Gradients and answer margins, one backward per sequence. */
  public PerExampleGradients.Result loop(List<ScoredSequence> sequences) {
    int rows = sequences.size();
    int p = trainable.count();
    float[] gradients = new float[Math.multiplyExact(rows, p)];
    float[] margins = new float[rows];
    for (int i = 0; i < rows; i++) {
      margins[i] = backward(sequences.get(i), gradients, i * p);
    }
    return new PerExampleGradients.Result(rows, p, gradients, margins);
  }

  /** The sequences as a {@link GradientSource} for a featurizer. */
  public GradientSource over(List<ScoredSequence> sequences) {
    return new GradientSource() {
      @Override
      public int size() {
        return sequences.size();
      }

      @Override
      public int parameterCount() {
        return trainable.count();
      }

      @Override
      public NDArray gradients(NDManager manager, int from, int to) {
        PerExampleGradients.Result result = loop(sequences.subList(from, to));
        return manager.create(result.gradients(), new Shape(to - from, trainable.count()));
      }
    };
  }

  private float backward(ScoredSequence sequence, float[] out, int offset) {
    int context = network.scale().context();
    byte[] bytes = sequence.bytes();
    if (sequence.scoredBytes() > context) {
      throw new IllegalArgumentException(
          "an answer of %d bytes does not fit a context of %d"
              .formatted(sequence.scoredBytes(), context));
    }
    int start = Math.max(0, bytes.length - 1 - context);
    int time = bytes.length - 1 - start;
    long[] inputs = new long[time];
    int[] targets = new int[time];
    for (int i = 0; i < time; i++) {
      inputs[i] = bytes[start + i] & 0xFF;
      targets[i] = bytes[start + i + 1] & 0xFF;
    }
    // position i predicts byte start + i + 1; the answer starts at byte scoreFrom
    int firstScored = sequence.scoreFrom() - 1 - start;
    return trainable.backwardOne(
        model.model().getNDManager(),
        (manager, store) -> {
          NDArray in = manager.create(inputs, new Shape(1, time));
          NDArray logits = network.forward(store, new NDList(in), false).singletonOrThrow();
          NDArray perByte = LogOddsMargin.of(logits.reshape(time, -1), targets, manager);
          return perByte.get(new NDIndex("{}:", firstScored)).mean();
        },
        out,
        offset);
  }
}
