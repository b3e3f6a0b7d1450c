package io.s2l.analysis.attribution;

/**
 * One selection of pool examples that the reference is trained on to verify it.
 *
 * @param name the distribution name of its verification models
 * @param method {@code dsdm}, {@code similarity} or {@code random}
 * @param proxyScale the scale whose TRAK scores chose it (DsDm only)
 * @param computeRatio reference training FLOPs / proxy training FLOPs (DsDm only)
 * @param predictedLoss the proxy datamodel's predicted holdout target loss (DsDm only)
 * @param examples pool indices, in the order chosen
 * @param size the selection size it was made at
 */
record SelectionCandidate(
    String name,
    String method,
    String proxyScale,
    Double computeRatio,
    Double predictedLoss,
    int[] examples,
    int size) {}
