package io.s2l.stats.study;

/**
 * One trained model's mean loss on one evaluation set, with its compute.
 *
 * @param meanLoss mean over the set's examples of the per-example loss
 * @param params non-embedding parameters N
 * @param flops training compute 6 N D
 */
public record RunLoss(
    String scale,
    String distribution,
    long seed,
    String evalSet,
    double meanLoss,
    long params,
    double flops) {}
