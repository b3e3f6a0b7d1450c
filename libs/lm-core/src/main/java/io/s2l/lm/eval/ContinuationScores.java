package io.s2l.lm.eval;

/**
 * What the proxy metrics of docs/science.md section 2.12 need, per example of a set with answers:
 * the summed log-likelihood of each scored continuation (the answer, or every choice) after the
 * prompt, and its length. Continuations are laid out example-major: example i owns {@code
 * choices[i]} consecutive entries, its correct one at offset {@code labels[i]}.
 *
 * @param logprobs per continuation, {@code sum_t log p(token_t | prefix)} over its scored tokens,
 *     in nats (so {@code -logprob / tokens} is its mean loss)
 * @param choices per example, the number of continuations (1 for answer sets)
 * @param labels per example, the index of the correct continuation among its own (0 for answers)
 * @param bytes per continuation, its length in UTF-8 bytes
 * @param tokens per continuation, the number of scored tokens (the bytes, for byte-level models)
 */
public record ContinuationScores(
    double[] logprobs, int[] choices, int[] labels, int[] bytes, int[] tokens) {

  public ContinuationScores {
    if (choices.length != labels.length
        || bytes.length != logprobs.length
        || tokens.length != logprobs.length) {
      throw new IllegalArgumentException("continuation scores of mismatched lengths");
    }
  }
}
