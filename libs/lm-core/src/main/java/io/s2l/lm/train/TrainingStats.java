package io.s2l.lm.train;

/**
 * Compute accounting of one training run.
 *
 * @param nonEmbeddingParams N in 6ND
 * @param totalParams every trained parameter
 * @param tokens D: tokens actually trained on (whole steps, so at least the budget)
 * @param flops 6 N D
 * @param steps optimiser steps
 * @param wallSeconds training time, excluding evaluation
 * @param finalLoss mean training loss over the last 10% of steps
 */
public record TrainingStats(
    long nonEmbeddingParams,
    long totalParams,
    long tokens,
    double flops,
    long steps,
    double wallSeconds,
    double finalLoss) {

  public double tokensPerSecond() {
    return wallSeconds > 0 ? tokens / wallSeconds : 0;
  }
}
