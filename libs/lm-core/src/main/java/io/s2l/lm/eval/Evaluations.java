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
 *
 * <p>Every result carries the attribution output o of each example (docs/science.md section 3.1,
 * higher is better) as its margins: for text and answers {@code o = -loss}, the mean log-likelihood
 * of the scored bytes; for multiple choice {@code o = s_y - logsumexp_{c != y} s_c}, {@code s_c}
 * the summed log-likelihood of choice c after the prompt, the log-odds {@code log(p_y / (1 - p_y))}
 * of the correct choice when the model's probabilities of the choices are normalised.
 *
 * <p>Answer and multiple-choice results also carry the raw {@link ContinuationScores} (each scored
 * continuation's summed log-likelihood and length), from which the proxy metrics of docs/science.md
 * section 2.12 are computed.
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
    return meanLosses(scorer.sumLosses(sequences), sequences);
  }

  /** Mean loss over the answer's bytes, the prompt given as context. */
  public static EvalResult answers(SequenceScorer scorer, List<EvalExample> examples) {
    List<ScoredSequence> sequences = new ArrayList<>(examples.size());
    for (EvalExample e : examples) {
      sequences.add(scored(e.prompt(), e.answer()));
    }
    double[] sums = scorer.sumLosses(sequences);
    int[] ones = new int[examples.size()];
    Arrays.fill(ones, 1);
    EvalResult means = meanLosses(sums, sequences);
    return new EvalResult(
        means.losses(),
        null,
        null,
        means.margins(),
        scores(sums, ones, new int[examples.size()], sequences));
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
    int[] counts = new int[examples.size()];
    int[] labels = new int[examples.size()];
    float[] losses = new float[examples.size()];
    boolean[] correct = new boolean[examples.size()];
    float[] margins = new float[examples.size()];
    int at = 0;
    for (int i = 0; i < examples.size(); i++) {
      EvalExample e = examples.get(i);
      int label = e.label();
      counts[i] = e.choices().size();
      labels[i] = label;
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
      margins[i] = (float) choiceMargin(sums, at, e.choices().size(), label);
      at += e.choices().size();
    }
    return new EvalResult(
        losses, correct, chance, margins, scores(sums, counts, labels, sequences));
  }

  /**
   * The scored continuations' log-likelihoods (minus their summed losses) and lengths; a byte-level
   * model scores one token per byte.
   */
  private static ContinuationScores scores(
      double[] sums, int[] counts, int[] labels, List<ScoredSequence> sequences) {
    double[] logprobs = new double[sums.length];
    int[] bytes = new int[sums.length];
    for (int i = 0; i < sums.length; i++) {
      logprobs[i] = -sums[i];
      bytes[i] = sequences.get(i).scoredBytes();
    }
    return new ContinuationScores(logprobs, counts, labels, bytes, bytes.clone());
  }

  /**
   * {@code s_y - logsumexp_{c != y} s_c} with {@code s_c = -nll_c}, the log-sum-exp shifted by the
   * largest other score so it neither overflows nor underflows to log 0.
   */
  static double choiceMargin(double[] nll, int from, int choices, int label) {
    double shift = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < choices; c++) {
      if (c != label) {
        shift = Math.max(shift, -nll[from + c]);
      }
    }
    double sum = 0;
    for (int c = 0; c < choices; c++) {
      if (c != label) {
        sum += Math.exp(-nll[from + c] - shift);
      }
    }
    return -nll[from + label] - (shift + Math.log(sum));
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

  /** Mean losses, and o = -mean loss as the margins. */
  private static EvalResult meanLosses(double[] sums, List<ScoredSequence> sequences) {
    float[] means = new float[sums.length];
    float[] margins = new float[sums.length];
    for (int i = 0; i < sums.length; i++) {
      double mean = sums[i] / sequences.get(i).scoredBytes();
      means[i] = (float) mean;
      margins[i] = (float) -mean;
    }
    return new EvalResult(means, null, null, margins);
  }
}
