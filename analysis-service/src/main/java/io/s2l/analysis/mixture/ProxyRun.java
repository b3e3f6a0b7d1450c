package io.s2l.analysis.mixture;

import java.util.Map;

/**
 * One trained model of a mixture study, as the regressions and the verification read it.
 *
 * @param scale the model's scale
 * @param distribution the mixture's name
 * @param weights the mixture's domain weights
 * @param flops training FLOPs
 * @param meanLoss mean loss on the target evaluation set
 * @param losses per-example losses on the target evaluation set
 * @param correct per example, whether the model chose right; null for sets without accuracy
 * @param seed the model's training seed
 */
record ProxyRun(
    String scale,
    String distribution,
    Map<String, Double> weights,
    double flops,
    double meanLoss,
    float[] losses,
    boolean[] correct,
    long seed) {}
