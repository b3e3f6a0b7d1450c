package io.s2l.analysis.run;

/**
 * One trained model and its compute accounting. Fields s2l did not measure (runs imported from
 * elsewhere carry only params and tokens) are null.
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
    Long paramsTotal,
    long tokens,
    double flops,
    Long steps,
    Double wallSeconds,
    Double tokensPerSecond,
    Double evalSeconds,
    Double finalTrainLoss,
    Long peakRssBytes,
    String worker,
    Integer attempt) {}
