package io.s2l.stats.study;

import io.s2l.stats.ScaleCorrelation;

/**
 * How one proxy scale's losses track the reference's on one evaluation set, across distributions.
 *
 * @param distributions number of distributions correlated (seed-averaged points)
 * @param proxyParams non-embedding parameters of the proxy
 * @param proxyFlops mean training compute of a proxy run
 * @param computeRatio C_ref / C_proxy: how many times cheaper the proxy is
 * @param proxyLosses seed-averaged proxy mean loss per distribution, in study order
 * @param referenceLosses the reference's, same order
 */
public record ScaleCorrelationRow(
    String proxyScale,
    String referenceScale,
    String evalSet,
    int distributions,
    ScaleCorrelation statistics,
    long proxyParams,
    long referenceParams,
    double proxyFlops,
    double referenceFlops,
    double computeRatio,
    double[] proxyLosses,
    double[] referenceLosses) {}
