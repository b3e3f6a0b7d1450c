package io.s2l.stats.study;

import io.s2l.stats.PermutationPValues;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the cheapest clearing proxy; see {@link Recommendation} for the rule. */
final class Recommender {

  private Recommender() {}

  /**
   * @param entries proxy-major: entry p * evalSets.size() + j is proxy p on evaluation set j
   */
  static Recommendation recommend(
      List<ProxyEvalResult> entries,
      List<String> proxies,
      List<String> evalSets,
      AnalysisOptions options) {
    RecommendationMetric metric = options.metric();
    double threshold = options.threshold();
    int sets = evalSets.size();
    int distributions = entries.get(0).distributions();
    boolean enough = distributions >= options.minDistributions();
    List<FrontierPoint> frontier = new ArrayList<>();
    Map<String, boolean[]> clearing = new LinkedHashMap<>();
    List<String> wrongSign = new ArrayList<>();
    List<String> unrelated = new ArrayList<>();
    for (int p = 0; p < proxies.size(); p++) {
      boolean[] clearsSet = new boolean[sets];
      double valueSum = 0;
      double minLower = Double.POSITIVE_INFINITY;
      boolean clears = enough;
      String firstWrongSign = null;
      String firstUnrelated = null;
      for (int j = 0; j < sets; j++) {
        ProxyEvalResult entry = entries.get(p * sets + j);
        double lower = entry.ci95().get(metric.statistic()).low();
        boolean positive = surelyPositive(entry);
        if (!positive && firstWrongSign == null) {
          firstWrongSign = wrongSign(entry, options);
        }
        boolean related = significant(entry, options);
        if (positive && !related && firstUnrelated == null) {
          firstUnrelated = unrelated(entry);
        }
        clearsSet[j] = enough && positive && related && lower >= threshold;
        valueSum += value(entry, metric);
        minLower = Math.min(minLower, lower);
        clears &= clearsSet[j];
      }
      if (firstWrongSign != null) {
        wrongSign.add(firstWrongSign);
      }
      if (firstUnrelated != null) {
        unrelated.add(firstUnrelated);
      }
      ProxyEvalResult first = entries.get(p * sets);
      clearing.put(proxies.get(p), clearsSet);
      frontier.add(
          new FrontierPoint(
              proxies.get(p),
              first.computeRatio(),
              first.proxyFlops(),
              valueSum / sets,
              minLower,
              clears));
    }
    // Stable: proxies of equal compute keep study order.
    frontier.sort(Comparator.comparingDouble(FrontierPoint::proxyFlops));
    Map<String, String> byEvalSet = new LinkedHashMap<>();
    for (int j = 0; j < sets; j++) {
      String cheapest = null;
      for (FrontierPoint point : frontier) {
        if (clearing.get(point.proxyScale())[j]) {
          cheapest = point.proxyScale();
          break;
        }
      }
      byEvalSet.put(evalSets.get(j), cheapest);
    }
    FrontierPoint recommended =
        frontier.stream().filter(FrontierPoint::clears).findFirst().orElse(null);
    return new Recommendation(
        metric,
        threshold,
        recommended == null ? null : recommended.proxyScale(),
        reason(recommended, frontier, options, distributions, wrongSign, unrelated),
        List.copyOf(frontier),
        Collections.unmodifiableMap(byEvalSet));
  }

  private static double value(ProxyEvalResult entry, RecommendationMetric metric) {
    return switch (metric) {
      case DECISION_ACCURACY -> entry.statistics().decisionAccuracy();
      case R2 -> entry.statistics().r2();
    };
  }

  /**
   * Whether the entry may count towards a recommendation at all: its Pearson r and the lower bound
   * of r's interval both above 0. Otherwise a proxy that orders distributions backwards would clear
   * an R^2 threshold, R^2 being r^2.
   */
  static boolean surelyPositive(ProxyEvalResult entry) {
    return entry.statistics().pearsonR() > 0 && entry.ci95().get("pearsonR").low() > 0;
  }

  /**
   * Whether the proxy's ordering is significantly better than chance: the permutation p-value of
   * decision accuracy against no relation at most 1 - level (docs/science.md section 2.8). NaN (a
   * constant reference) is not.
   */
  static boolean significant(ProxyEvalResult entry, AnalysisOptions options) {
    return entry.permutation().decisionAccuracy() <= 1 - options.level();
  }

  private static String unrelated(ProxyEvalResult entry) {
    PermutationPValues p = entry.permutation();
    return entry.proxyScale()
        + " on "
        + entry.evalSet()
        + " (p = "
        + number(p.decisionAccuracy())
        + ", "
        + p.method()
        + ")";
  }

  private static String wrongSign(ProxyEvalResult entry, AnalysisOptions options) {
    return entry.proxyScale()
        + " on "
        + entry.evalSet()
        + " (r = "
        + number(entry.statistics().pearsonR())
        + ", lower "
        + number(100 * options.level())
        + "% bound "
        + number(entry.ci95().get("pearsonR").low())
        + ")";
  }

  private static String reason(
      FrontierPoint recommended,
      List<FrontierPoint> frontier,
      AnalysisOptions options,
      int distributions,
      List<String> wrongSign,
      List<String> unrelated) {
    if (distributions < options.minDistributions()) {
      return "the study has K = "
          + distributions
          + " distributions, fewer than the minimum of "
          + options.minDistributions()
          + " for a recommendation; with so few, the bootstrap's bounds are not to be trusted";
    }
    String bound =
        "lower "
            + number(100 * options.level())
            + "% bound on "
            + options.metric().label()
            + " reaches "
            + number(options.threshold())
            + " on every evaluation set";
    if (recommended != null) {
      return recommended.proxyScale()
          + " is the cheapest proxy ("
          + number(recommended.computeRatio())
          + "x less compute than "
          + options.referenceScale()
          + ") whose "
          + bound
          + " (lowest bound "
          + number(recommended.minLowerBound())
          + ")";
    }
    FrontierPoint best =
        frontier.stream()
            .filter(point -> !Double.isNaN(point.minLowerBound()))
            .max(Comparator.comparingDouble(FrontierPoint::minLowerBound))
            .orElse(null);
    return "no proxy's "
        + bound
        + (best == null
            ? "; no proxy has a defined bound on every evaluation set"
            : "; the best lowest bound is "
                + number(best.minLowerBound())
                + " (scale "
                + best.proxyScale()
                + ")")
        + (wrongSign.isEmpty()
            ? ""
            : "; never recommended, because Pearson r or its lower bound is not above 0 (the"
                + " proxy orders distributions backwards, or may have no relation to the reference): "
                + String.join(", ", wrongSign))
        + (unrelated.isEmpty()
            ? ""
            : "; never recommended, because decision accuracy's permutation p-value against no"
                + " relation is above "
                + number(1 - options.level())
                + " (the ordering may be chance): "
                + String.join(", ", unrelated));
  }

  /** Four significant digits, no exponent, no trailing zeros: 95, 0.8, 0.7235, 175.3. */
  private static String number(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
