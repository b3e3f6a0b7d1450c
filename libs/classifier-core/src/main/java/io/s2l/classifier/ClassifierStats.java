package io.s2l.classifier;

/**
 * Compute accounting of one classifier run.
 *
 * @param params trainable parameters N
 * @param examplesSeen D: {@code epochs x subset size}, counting duplicates
 * @param flops {@code 6 x multiply-adds per image x D} (see {@link ClassifierScale#multiplyAdds});
 *     for an mlp this is exactly {@code 6 N D}
 * @param steps optimiser steps
 * @param wallSeconds training time, excluding evaluation
 * @param finalLoss mean training loss over the last 10% of steps
 */
public record ClassifierStats(
    long params,
    long examplesSeen,
    double flops,
    long steps,
    double wallSeconds,
    double finalLoss) {

  public double examplesPerSecond() {
    return wallSeconds > 0 ? examplesSeen / wallSeconds : 0;
  }
}
