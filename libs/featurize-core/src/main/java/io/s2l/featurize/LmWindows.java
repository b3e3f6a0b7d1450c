package io.s2l.featurize;

import io.s2l.lm.eval.ScoredSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * How a scored sequence is cut into windows of at most {@code context} predictions, exactly as
 * {@code io.s2l.lm.eval.SequenceScorer} cuts it: backwards from its end, so that the scored part
 * sees as much of what precedes it as the context allows; each window sees only its own bytes.
 * Window {@code [start, end)} has inputs {@code bytes[start, end - 1)} and targets {@code
 * bytes[start + 1, end)}; position i predicts byte {@code start + i + 1}, which counts when it is
 * at or after {@code firstScored}.
 */
final class LmWindows {

  private LmWindows() {}

  record Window(int start, int end, int firstScored) {

    /** Predictions in this window, at most the context. */
    int predictions() {
      return end - 1 - start;
    }
  }

  static List<Window> of(ScoredSequence sequence, int context) {
    List<Window> windows = new ArrayList<>();
    int end = sequence.bytes().length;
    while (end - 1 >= sequence.scoreFrom()) {
      int start = Math.max(0, end - 1 - context);
      windows.add(new Window(start, end, Math.max(sequence.scoreFrom(), start + 1)));
      end = start + 1;
    }
    return windows;
  }
}
