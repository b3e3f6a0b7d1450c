package io.s2l.stats.study;

import io.s2l.stats.Interval;
import io.s2l.stats.PermutationPValues;
import io.s2l.stats.ScaleCorrelation;
import java.util.List;
import java.util.Map;

/**
 * How one proxy scale tracks the reference on one evaluation set (docs/science.md section 2). With
 * m_{s, k,r} the mean loss over the set's examples of the run (scale s, distribution D_k, seed r),
 *
 * <pre>
 *   x_k = (1/R) sum_r m_{proxy,k,r}       y_k = (1/R) sum_r m_{reference,k,r}
 * </pre>
 *
 * and {@code statistics = ScaleCorrelation.of(x, y)}.
 *
 * @param distributions K, the number of training distributions (points of the correlation)
 * @param distributionNames the distributions in study order, the order of x and y
 * @param statistics Pearson r, R^2, slope, intercept, Spearman, Kendall tau-b, decision accuracy
 * @param ci95 percentile bootstrap interval at the analysis' level (0.95 by default) of each
 *     statistic, resampling distributions in pairs; keys pearsonR, r2, slope, intercept, spearman,
 *     kendall, decisionAccuracy in that order
 * @param proxyParams non-embedding parameters of the proxy
 * @param referenceParams those of the reference
 * @param proxyFlops training compute of one proxy run
 * @param referenceFlops training compute of one reference run
 * @param computeRatio referenceFlops / proxyFlops
 * @param proxyLosses x, study order
 * @param referenceLosses y, study order
 * @param perExample the per-example R^2 distribution
 * @param accuracy accuracy against chance, null when the set has no accuracy
 * @param seedNoise seed noise against spread, null with a single seed
 * @param droppedResamples per statistic (the keys of ci95), the bootstrap resamples on which it was
 *     undefined (a resample with a constant side) and which its interval leaves out
 * @param permutation one-sided permutation p-values of decision accuracy, Spearman and Kendall
 *     against "no relation" between x and y (docs/science.md section 2.8)
 * @param fractionOfCeiling r2 over the {@link NoiseCeiling#r2()} of the evaluation set (section
 *     2.9); null with a single seed, NaN when the ceiling's Pearson r is not positive or undefined
 */
public record ProxyEvalResult(
    String proxyScale,
    String referenceScale,
    String evalSet,
    int distributions,
    List<String> distributionNames,
    ScaleCorrelation statistics,
    Map<String, Interval> ci95,
    long proxyParams,
    long referenceParams,
    double proxyFlops,
    double referenceFlops,
    double computeRatio,
    double[] proxyLosses,
    double[] referenceLosses,
    PerExampleR2 perExample,
    Accuracy accuracy,
    SeedNoise seedNoise,
    Map<String, Integer> droppedResamples,
    PermutationPValues permutation,
    Double fractionOfCeiling) {}
