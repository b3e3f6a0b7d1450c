package io.s2l.analysis.mixture;

import java.util.Map;

/**
 * The mixture one regression recommends from one proxy scale's runs.
 *
 * @param name the distribution name the reference trains on it under
 * @param model {@code linear} or {@code xgboost}
 * @param proxyScale the scale whose runs were regressed
 * @param proxyFlops training FLOPs of one proxy model
 * @param weights the recommended domain weights
 * @param predictedLoss the regression's predicted target loss for it (at the proxy's scale)
 * @param leaveOneOutR2 how well the regression predicts a left-out proxy run
 * @param proxyRuns how many mixtures it was fitted on
 */
record Recommendation(
    String name,
    String model,
    String proxyScale,
    double proxyFlops,
    Map<String, Double> weights,
    double predictedLoss,
    double leaveOneOutR2,
    int proxyRuns) {}
