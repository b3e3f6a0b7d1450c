package io.s2l.stats.study;

import io.s2l.stats.Interval;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.ScalingLawFit;
import java.util.List;
import java.util.Map;

/**
 * The multi-scale extrapolation baseline on one evaluation set (docs/science.md section 2.11): per
 * distribution, a scaling law fitted to the seed-averaged losses of every proxy against its compute
 * and extrapolated to the reference's compute, compared with the reference's actual losses.
 *
 * <p>Absent (reason set; fits empty; predictedLosses, statistics and ci95 null; the errors NaN)
 * when the proxies have fewer than 3 distinct compute values, the parameters of the law.
 *
 * @param evalSet the evaluation set
 * @param proxyScales the proxies whose losses were fitted, in study order
 * @param referenceFlops the compute the laws are extrapolated to
 * @param reason why the baseline is absent, null when present
 * @param fits one fitted law per distribution, study order
 * @param predictedLosses p_k, the fitted law of distribution k at referenceFlops
 * @param referenceLosses y_k, the reference's seed-averaged losses
 * @param statistics {@code ScaleCorrelation.of(p, y)}: Pearson r, R^2, rank correlations and
 *     decision accuracy of the predictions
 * @param ci95 percentile bootstrap intervals of those statistics, resampling distributions, keyed
 *     as on {@link ProxyEvalResult#ci95()}
 * @param meanAbsoluteError (1/K) sum_k |p_k - y_k|
 * @param rootMeanSquaredError sqrt((1/K) sum_k (p_k - y_k)^2)
 * @param bestProxyScale the single proxy with the highest decision accuracy on the set (the first
 *     in study order on a tie), null when no proxy's is defined
 * @param bestProxyDecisionAccuracy its decision accuracy, NaN when undefined
 */
public record Extrapolation(
    String evalSet,
    List<String> proxyScales,
    double referenceFlops,
    String reason,
    List<ScalingLawFit> fits,
    double[] predictedLosses,
    double[] referenceLosses,
    ScaleCorrelation statistics,
    Map<String, Interval> ci95,
    double meanAbsoluteError,
    double rootMeanSquaredError,
    String bestProxyScale,
    double bestProxyDecisionAccuracy) {}
