package io.s2l.analysis.run;

/**
 * One trained model and its compute accounting.
 *
 * @param params non-embedding parameters N
 * @param flops 6 N D
 * @param wallSeconds training time
 * @param peakRssBytes peak resident memory of the worker process when the run finished
 */
public record RunView(
    String scale,
    String distribution,
    long seed,
    long params,
    long paramsTotal,
    long tokens,
    double flops,
    long steps,
    double wallSeconds,
    double tokensPerSecond,
    double evalSeconds,
    double finalTrainLoss,
    long peakRssBytes,
    String worker,
    int attempt) {}
