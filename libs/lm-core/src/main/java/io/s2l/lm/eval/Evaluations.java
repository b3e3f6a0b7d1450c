package io.s2l.lm.eval;

import io.s2l.corpus.EvalExample;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The evaluation harness (docs/science.md section 1): per-example loss on text (whole sequence), on
 * question and cloze tasks (answer bytes only), and on multiple-choice tasks (the correct choice's
 * bytes, plus accuracy: right when the correct choice has the highest total log-likelihood).
 */
public final class Evaluations {

  /** Whole-text examples are truncated to this many bytes, so evaluation cost stays bounded. */
  public static final int MAX_TEXT_BYTES = 256;

  /** Prompts that are empty are replaced by a newline, a document start, so byte 0 is scored. */
  static final String EMPTY_PROMPT = "\n";

  private Evaluations() {}

  /** Mean loss over every byte of each text (after the first), truncated to 256 bytes. */
  public static EvalResult text(SequenceScorer scorer, List<String> texts) {
    List<ScoredSequence> sequences = new ArrayList<>(texts.size());
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      sequences.add(
          new ScoredSequence(Arrays.copyOf(bytes, Math.min(bytes.length, MAX_TEXT_BYTES)), 1));
    }
    return new EvalResult(means(scorer.sumLosses(sequences), sequences), null, null);
  }

  /** Mean loss over the answer's bytes, the prompt given as context. */
  public static EvalResult answers(SequenceScorer scorer, List<EvalExample> examples) {
    List<ScoredSequence> sequences = new ArrayList<>(examples.size());
    for (EvalExample e : examples) {
      sequences.add(scored(e.prompt(), e.answer()));
    }
    return new EvalResult(means(scorer.sumLosses(sequences), sequences), null, null);
  }

  /**
   * Multiple choice: each choice scored after the prompt; the loss is the mean over the correct
   * choice's bytes; correct when the correct choice's total log-likelihood is strictly highest.
   */
  public static EvalResult choices(
      SequenceScorer scorer, List<EvalExample> examples, double chance) {
    List<ScoredSequence> sequences = new ArrayList<>();
    for (EvalExample e : examples) {
      for (String choice : e.choices()) {
        sequences.add(scored(e.prompt(), choice));
      }
    }
    double[] sums = scorer.sumLosses(sequences);
    float[] losses = new float[examples.size()];
    boolean[] correct = new boolean[examples.size()];
    int at = 0;
    for (int i = 0; i < examples.size(); i++) {
      EvalExample e = examples.get(i);
      int label = e.label();
      double best = Double.POSITIVE_INFINITY;
      int bestCount = 0;
      for (int c = 0; c < e.choices().size(); c++) {
        double nll = sums[at + c];
        if (nll < best) {
          best = nll;
          bestCount = 1;
        } else if (nll == best) {
          bestCount++;
        }
      }
      correct[i] = sums[at + label] == best && bestCount == 1;
      losses[i] = (float) (sums[at + label] / sequences.get(at + label).scoredBytes());
      at += e.choices().size();
    }
    return new EvalResult(losses, correct, chance);
  }

  private static ScoredSequence scored(String prompt, String continuation) {
    byte[] p =
        (prompt == null || prompt.isEmpty() ? EMPTY_PROMPT : prompt)
            .getBytes(StandardCharsets.UTF_8);
    byte[] c = continuation.getBytes(StandardCharsets.UTF_8);
    if (c.length == 0) {
      throw new IllegalArgumentException("an answer or choice must not be empty");
    }
    byte[] all = Arrays.copyOf(p, p.length + c.length);
    System.arraycopy(c, 0, all, p.length, c.length);
    return new ScoredSequence(all, p.length);
  }

  private static float[] means(double[] sums, List<ScoredSequence> sequences) {
    float[] means = new float[sums.length];
    for (int i = 0; i < sums.length; i++) {
      means[i] = (float) (sums[i] / sequences.get(i).scoredBytes());
    }
    return means;
  }
}
