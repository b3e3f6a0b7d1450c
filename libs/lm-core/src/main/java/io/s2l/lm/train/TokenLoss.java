package io.s2l.lm.train;

import ai.djl.ndarray.NDArray;

/** Next-token cross-entropy, per token. */
public final class TokenLoss {

  private TokenLoss() {}

  /**
   * -log softmax(logits)[target] for every position.
   *
   * @param logits (B, T, V)
   * @param targets (B, T) token ids, INT64
   * @return (B, T) losses in nats
   */
  public static NDArray perToken(NDArray logits, NDArray targets) {
    return logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1).neg();
  }

  /**
   * The mean of {@link #perToken} over every position, for training: the same value with two fewer
   * native ops, since the targets come with their trailing axis and the sign is taken once, on the
   * mean.
   *
   * @param logits (B, T, V)
   * @param targets (B, T, 1) token ids, INT64
   * @return a scalar, in nats
   */
  public static NDArray mean(NDArray logits, NDArray targets) {
    return logits.logSoftmax(-1).gather(targets, -1).mean().neg();
  }
}
