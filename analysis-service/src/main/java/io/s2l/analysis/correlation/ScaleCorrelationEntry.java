package io.s2l.analysis.correlation;

import java.util.List;

/**
 * One (proxy scale, evaluation set) of a study's scale correlation, as served and reported.
 * Statistics are null where undefined (a side with zero variance).
 *
 * @param distributions how many training distributions were correlated
 * @param distributionNames their names, in the order of the loss arrays
 * @param computeRatio C_ref / C_proxy
 * @param proxyLosses seed-averaged proxy mean loss per distribution
 * @param referenceLosses seed-averaged reference mean loss per distribution
 */
public record ScaleCorrelationEntry(
    String proxyScale,
    String referenceScale,
    String evalSet,
    int distributions,
    List<String> distributionNames,
    Double pearsonR,
    Double r2,
    Double spearman,
    Double kendall,
    Double decisionAccuracy,
    Double slope,
    Double intercept,
    long proxyParams,
    long referenceParams,
    double proxyFlops,
    double referenceFlops,
    double computeRatio,
    List<Double> proxyLosses,
    List<Double> referenceLosses) {}
