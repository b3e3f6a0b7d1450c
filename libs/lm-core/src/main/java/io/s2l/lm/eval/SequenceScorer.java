package io.s2l.lm.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.TokenLoss;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums the next-byte loss (nats) over the scored part of many sequences, batching windows of all of
 * them together. A sequence longer than the model's context is cut into windows of at most {@code
 * context} predictions, laid out backwards from its end so that the scored part (an answer) sees as
 * much of its prompt as the context allows; each window sees only its own bytes.
 */
public final class SequenceScorer {

  private final TransformerLm network;
  private final NDManager manager;
  private final int batchSize;

  public SequenceScorer(TransformerLm network, NDManager manager, int batchSize) {
    this.network = network;
    this.manager = manager;
    this.batchSize = batchSize;
  }

  /** Per sequence: the summed loss over its scored bytes; divide by scoredBytes() for the mean. */
  public double[] sumLosses(List<ScoredSequence> sequences) {
    int context = network.scale().context();
    List<Window> windows = new ArrayList<>();
    for (int s = 0; s < sequences.size(); s++) {
      ScoredSequence seq = sequences.get(s);
      // Window [start, end): inputs bytes[start, end - 1), targets bytes[start + 1, end).
      int end = seq.bytes().length;
      while (end - 1 >= seq.scoreFrom()) {
        int start = Math.max(0, end - 1 - context);
        windows.add(new Window(s, seq.bytes(), start, end, Math.max(seq.scoreFrom(), start + 1)));
        end = start + 1;
      }
    }
    double[] sums = new double[sequences.size()];
    ParameterStore store = new ParameterStore(manager, false);
    for (int from = 0; from < windows.size(); from += batchSize) {
      accumulate(
          windows.subList(from, Math.min(windows.size(), from + batchSize)), context, store, sums);
    }
    return sums;
  }

  private void accumulate(List<Window> chunk, int context, ParameterStore store, double[] sums) {
    int rows = chunk.size();
    long[] inputs = new long[rows * context];
    long[] targets = new long[rows * context];
    for (int r = 0; r < rows; r++) {
      Window w = chunk.get(r);
      for (int i = 0; i < w.end - 1 - w.start; i++) {
        inputs[r * context + i] = w.bytes[w.start + i] & 0xFF;
        targets[r * context + i] = w.bytes[w.start + i + 1] & 0xFF;
      }
    }
    try (NDManager batch = manager.newSubManager()) {
      NDArray in = batch.create(inputs, new Shape(rows, context));
      NDArray logits = network.forward(store, new NDList(in), false).singletonOrThrow();
      float[] loss =
          TokenLoss.perToken(logits, batch.create(targets, new Shape(rows, context)))
              .toFloatArray();
      // Causality makes the padding after a window's last prediction harmless: earlier positions
      // never attend to it, and its own losses are not counted.
      for (int r = 0; r < rows; r++) {
        Window w = chunk.get(r);
        // Position i predicts byte start + i + 1; count it when that byte is scored.
        for (int i = w.firstScored - 1 - w.start; i < w.end - 1 - w.start; i++) {
          sums[w.sequence] += loss[r * context + i];
        }
      }
    }
  }

  private record Window(int sequence, byte[] bytes, int start, int end, int firstScored) {}
}
