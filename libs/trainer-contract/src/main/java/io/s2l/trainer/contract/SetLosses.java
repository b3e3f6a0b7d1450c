package io.s2l.trainer.contract;

import java.util.List;

/**
 * A run's validated results on one evaluation set, in the order of the set's file.
 *
 * @param losses per example: finite, non-negative
 * @param correct per example for sets with answers; null for the others
 * @param chance the set's chance accuracy for sets with answers; null for the others
 * @param margins per example when the trainer gave them (image sets); null otherwise
 * @param answers per example, in file order, the raw answer scores when the trainer gave them
 *     (answer and choice sets); null otherwise
 */
public record SetLosses(
    float[] losses, boolean[] correct, Double chance, float[] margins, List<Answer> answers) {

  public SetLosses(float[] losses, boolean[] correct, Double chance, float[] margins) {
    this(losses, correct, chance, margins, null);
  }

  /**
   * One example's raw answer scores (docs/science.md section 2.12).
   *
   * @param logprobs per continuation (the answer, or every choice), its summed log-likelihood in
   *     nats, finite and at most 0
   * @param label the index of the correct continuation
   * @param bytes per continuation, its length in bytes, at least 1
   * @param tokens per continuation, its number of scored tokens, at least 1
   */
  public record Answer(double[] logprobs, int label, int[] bytes, int[] tokens) {}
}
