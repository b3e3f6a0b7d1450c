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
}
