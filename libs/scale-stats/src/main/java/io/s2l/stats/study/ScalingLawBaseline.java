package io.s2l.stats.study;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.ScaleCorrelationBootstrap;
import io.s2l.stats.ScalingLawFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The multi-scale extrapolation baseline of every evaluation set (docs/science.md section 2.11).
 * For evaluation set j and distribution k, the points (C_s, x_{s,k}) over the proxy scales s (C_s
 * one run's compute, x_{s,k} the seed-averaged mean loss) are fitted with {@link ScalingLawFit} and
 * the law evaluated at the reference's compute: p_k = L_k(C_ref). The predictions p are then scored
 * against the reference's losses y exactly as a proxy's x is, and next to the best single proxy's
 * decision accuracy on the set (DataDecide's comparison of extrapolation with single scales).
 *
 * <p>The bootstrap of set j resamples distributions with seed {@code mix(options.seed(), P + j,
 * 0)}, P the number of (proxy, set) entries, so it draws a stream of its own. Each distribution's
 * law depends on that distribution alone, so resampling distributions resamples fitted predictions.
 */
final class ScalingLawBaseline {

  private ScalingLawBaseline() {}

  /**
   * @param entries the analysis' entries, proxy-major: entry p * sets + j is proxy p on set j
   * @param proxies the proxy scales in study order
   * @param evalSets the evaluation sets in study order
   */
  static List<Extrapolation> of(
      List<ProxyEvalResult> entries,
      List<String> proxies,
      List<String> evalSets,
      AnalysisOptions options) {
    List<Extrapolation> result = new ArrayList<>(evalSets.size());
    for (int j = 0; j < evalSets.size(); j++) {
      List<ProxyEvalResult> onSet = new ArrayList<>(proxies.size());
      for (int p = 0; p < proxies.size(); p++) {
        onSet.add(entries.get(p * evalSets.size() + j));
      }
      long seed = ScaleCorrelationAnalysis.streamSeed(options.seed(), entries.size() + j, 0);
      result.add(onSet(evalSets.get(j), proxies, onSet, options, seed));
    }
    return List.copyOf(result);
  }

  private static Extrapolation onSet(
      String evalSet,
      List<String> proxies,
      List<ProxyEvalResult> onSet,
      AnalysisOptions options,
      long seed) {
    ProxyEvalResult first = onSet.get(0);
    double referenceFlops = first.referenceFlops();
    double[] y = first.referenceLosses().clone();
    double[] compute = onSet.stream().mapToDouble(ProxyEvalResult::proxyFlops).toArray();
    String best = null;
    double bestAccuracy = Double.NaN;
    for (ProxyEvalResult e : onSet) {
      double accuracy = e.statistics().decisionAccuracy();
      if (!Double.isNaN(accuracy) && (best == null || accuracy > bestAccuracy)) {
        best = e.proxyScale();
        bestAccuracy = accuracy;
      }
    }
    long distinct = Arrays.stream(compute).distinct().count();
    if (distinct < 3) {
      String reason =
          "a scaling law has 3 parameters (E, A, alpha), so it needs proxies at 3 or more distinct"
              + " compute values; the proxies of this study have "
              + distinct;
      return new Extrapolation(
          evalSet,
          proxies,
          referenceFlops,
          reason,
          List.of(),
          null,
          y,
          null,
          null,
          Double.NaN,
          Double.NaN,
          best,
          bestAccuracy);
    }
    List<ScalingLawFit> fits = new ArrayList<>(y.length);
    double[] predicted = new double[y.length];
    double absolute = 0;
    double squares = 0;
    for (int k = 0; k < y.length; k++) {
      double[] losses = new double[onSet.size()];
      for (int s = 0; s < losses.length; s++) {
        losses[s] = onSet.get(s).proxyLosses()[k];
      }
      ScalingLawFit fit = ScalingLawFit.of(compute, losses);
      fits.add(fit);
      predicted[k] = fit.predict(referenceFlops);
      absolute += Math.abs(predicted[k] - y[k]);
      squares += (predicted[k] - y[k]) * (predicted[k] - y[k]);
    }
    return new Extrapolation(
        evalSet,
        proxies,
        referenceFlops,
        null,
        List.copyOf(fits),
        predicted,
        y,
        ScaleCorrelation.of(predicted, y),
        ScaleCorrelationBootstrap.intervals(
            predicted, y, new Bootstrap(options.resamples(), seed), options.level()),
        absolute / y.length,
        Math.sqrt(squares / y.length),
        best,
        bestAccuracy);
  }
}
