package io.s2l.launcher.demo;

import io.s2l.api.correlation.ExtrapolationBaseline;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the multi-scale extrapolation baseline: per evaluation set, how well per-distribution
 * scaling laws fitted across all proxies rank the distributions at the reference's compute, next to
 * the best single proxy.
 */
final class ExtrapolationSection {

  private ExtrapolationSection() {}

  /** Prints nothing for a result stored before the baseline existed (null). */
  static void print(List<ExtrapolationBaseline> baselines, PrintStream out) {
    if (baselines == null || baselines.isEmpty()) {
      return;
    }
    out.printf(
        "%nExtrapolation from all proxies (E + A C^-alpha per distribution, evaluated at the"
            + " reference's compute):%n");
    for (ExtrapolationBaseline b : baselines) {
      String best =
          b.bestProxyScale() == null
              ? "none defined"
              : b.bestProxyScale() + ", decision " + number(b.bestProxyDecisionAccuracy());
      if (b.reason() != null) {
        out.printf(Locale.ROOT, "  %-26s not fitted: %s%n", b.evalSet(), b.reason());
        out.printf(Locale.ROOT, "  %-26s best single proxy %s%n", "", best);
        continue;
      }
      List<Double> interval = b.ci95().get("decisionAccuracy");
      out.printf(
          Locale.ROOT,
          "  %-26s decision %s [%s, %s]  pearson %s  MAE %s  RMSE %s  best single proxy %s%n",
          b.evalSet(),
          number(b.decisionAccuracy()),
          number(interval.get(0)),
          number(interval.get(1)),
          number(b.pearsonR()),
          number(b.meanAbsoluteError()),
          number(b.rootMeanSquaredError()),
          best);
    }
  }

  private static String number(Double value) {
    return Numbers.defined(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
  }
}
