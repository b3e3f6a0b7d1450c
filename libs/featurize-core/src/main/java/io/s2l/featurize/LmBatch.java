package io.s2l.featurize;

import io.s2l.lm.eval.ScoredSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chunk of {@link LmExample}s packed for one forward pass: example b's windows (all of its
 * sequences', in order) are rows {@code 0 .. R_b - 1} of its slot, each padded to T predictions,
 * where R is the most windows and T the most predictions of any example in the chunk. Padding sits
 * after a window's last prediction, where causality keeps it from every counted position, or fills
 * whole unused rows; its weights are 0.
 *
 * <p>Segment s of example b (its s-th sequence) adds up {@code weights[b][s][n] q[b][n]} over the
 * {@code N = R T} positions, q the per-position quantity of the output function: {@code -1/|S|} on
 * the scored positions for {@link LmOutput#MEAN_LOSS}, {@code 1/|S|} for {@link
 * LmOutput#MEAN_BYTE_MARGIN}, 1 for each choice's bytes for {@link LmOutput#CHOICE_MARGIN}.
 */
final class LmBatch {

  final LmOutput output;
  final int examples;
  final int rows;
  final int time;
  final int segments;

  /** (B, R, T) input bytes. */
  final long[] tokens;

  /** (B, R, T) the bytes they predict. */
  final long[] targets;

  /** (B, S, R T). */
  final float[] weights;

  /** (B, S): 0 for a present choice other than the label, -infinity otherwise. */
  final float[] others;

  /** (B) the correct choice. */
  final long[] labels;

  private LmBatch(LmOutput output, int examples, int rows, int time, int segments) {
    this.output = output;
    this.examples = examples;
    this.rows = rows;
    this.time = time;
    this.segments = segments;
    this.tokens = new long[Math.multiplyExact(examples, rows * time)];
    this.targets = new long[tokens.length];
    this.weights = new float[Math.multiplyExact(tokens.length, segments)];
    this.others = new float[examples * segments];
    this.labels = new long[examples];
  }

  /** Positions per example, {@code N = R T}. */
  int positions() {
    return rows * time;
  }

  static LmBatch of(List<LmExample> chunk, int context) {
    if (chunk.isEmpty()) {
      throw new IllegalArgumentException("an empty chunk");
    }
    LmOutput output = chunk.get(0).output();
    int rows = 1;
    int time = 1;
    int segments = 1;
    List<List<List<LmWindows.Window>>> windows = new ArrayList<>(chunk.size());
    for (LmExample example : chunk) {
      if (example.output() != output) {
        throw new IllegalArgumentException(
            "one chunk mixes " + output + " and " + example.output());
      }
      List<List<LmWindows.Window>> perSequence = new ArrayList<>();
      int count = 0;
      for (ScoredSequence sequence : example.sequences()) {
        List<LmWindows.Window> w = LmWindows.of(sequence, context);
        perSequence.add(w);
        count += w.size();
        for (LmWindows.Window window : w) {
          time = Math.max(time, window.predictions());
        }
      }
      windows.add(perSequence);
      rows = Math.max(rows, count);
      segments = Math.max(segments, example.sequences().size());
    }
    LmBatch batch = new LmBatch(output, chunk.size(), rows, time, segments);
    for (int b = 0; b < chunk.size(); b++) {
      batch.pack(b, chunk.get(b), windows.get(b));
    }
    return batch;
  }

  private void pack(int b, LmExample example, List<List<LmWindows.Window>> windows) {
    int n = positions();
    int row = 0;
    for (int s = 0; s < windows.size(); s++) {
      ScoredSequence sequence = example.sequences().get(s);
      byte[] bytes = sequence.bytes();
      float weight =
          switch (output) {
            case MEAN_LOSS -> -1f / sequence.scoredBytes();
            case MEAN_BYTE_MARGIN -> 1f / sequence.scoredBytes();
            case CHOICE_MARGIN -> 1f;
          };
      for (LmWindows.Window w : windows.get(s)) {
        int at = (b * rows + row) * time;
        for (int i = 0; i < w.predictions(); i++) {
          tokens[at + i] = bytes[w.start() + i] & 0xFF;
          targets[at + i] = bytes[w.start() + i + 1] & 0xFF;
        }
        int segment = (b * segments + s) * n + row * time;
        for (int i = w.firstScored() - 1 - w.start(); i < w.predictions(); i++) {
          weights[segment + i] = weight;
        }
        row++;
      }
    }
    Arrays.fill(others, b * segments, (b + 1) * segments, Float.NEGATIVE_INFINITY);
    if (output == LmOutput.CHOICE_MARGIN) {
      for (int s = 0; s < windows.size(); s++) {
        others[b * segments + s] = s == example.label() ? Float.NEGATIVE_INFINITY : 0f;
      }
    }
    labels[b] = example.label();
  }

  /** The targets as ints, for the per-byte margin's index arrays. */
  int[] targetBytes() {
    int[] out = new int[targets.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) targets[i];
    }
    return out;
  }

  /** The inputs with example b's bytes shifted by {@code 256 b}: rows of a (B 256, C) table. */
  long[] tokensIntoStackedTables(int vocabulary) {
    long[] out = tokens.clone();
    int perExample = positions();
    for (int b = 0; b < examples; b++) {
      for (int i = b * perExample; i < (b + 1) * perExample; i++) {
        out[i] += (long) b * vocabulary;
      }
    }
    return out;
  }
}
