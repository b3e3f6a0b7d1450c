package io.s2l.stats.metrics;

import java.util.Objects;

/**
 * One model's raw scores on one evaluation set with answers (docs/science.md section 2.12): per
 * scored continuation (the answer of an answer set, every choice of a multiple-choice set), its
 * summed log-likelihood after the prompt and its length. Example-major: example i owns {@code
 * choices[i]} consecutive continuations, the correct one at offset {@code labels[i]}. Arrays are
 * held as given, not copied.
 *
 * @param logprobs per continuation, {@code lp_c = sum_t log p(token_t | prefix)} in nats, finite
 * @param choices per example, its number of continuations, at least 1
 * @param labels per example, the index of the correct continuation among its own
 * @param bytes per continuation, its length in UTF-8 bytes, at least 1
 * @param tokens per continuation, its number of scored tokens, at least 1
 */
public record AnswerScores(
    double[] logprobs, int[] choices, int[] labels, int[] bytes, int[] tokens) {

  /**
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public AnswerScores {
    Objects.requireNonNull(logprobs, "logprobs");
    if (choices.length == 0 || choices.length != labels.length) {
      throw new IllegalArgumentException(
          "choices and labels need one value per example, got "
              + choices.length
              + " and "
              + labels.length);
    }
    int total = 0;
    for (int i = 0; i < choices.length; i++) {
      if (choices[i] < 1 || labels[i] < 0 || labels[i] >= choices[i]) {
        throw new IllegalArgumentException(
            "example " + i + " has " + choices[i] + " choices and label " + labels[i]);
      }
      total += choices[i];
    }
    if (logprobs.length != total || bytes.length != total || tokens.length != total) {
      throw new IllegalArgumentException(
          "the examples have "
              + total
              + " continuations, but logprobs, bytes and tokens have "
              + logprobs.length
              + ", "
              + bytes.length
              + " and "
              + tokens.length
              + " values");
    }
    for (int c = 0; c < total; c++) {
      if (!Double.isFinite(logprobs[c]) || bytes[c] < 1 || tokens[c] < 1) {
        throw new IllegalArgumentException(
            "continuation "
                + c
                + ": logprob "
                + logprobs[c]
                + ", bytes "
                + bytes[c]
                + ", tokens "
                + tokens[c]
                + " (finite, and at least 1 byte and 1 token, required)");
      }
    }
  }

  /** Number of examples. */
  public int examples() {
    return choices.length;
  }

  /** Whether every example has at least two choices, so every metric is defined. */
  public boolean multipleChoice() {
    for (int c : choices) {
      if (c < 2) {
        return false;
      }
    }
    return true;
  }
}
