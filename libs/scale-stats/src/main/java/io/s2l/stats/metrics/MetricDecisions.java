package io.s2l.stats.metrics;

import io.s2l.stats.DecisionAccuracy;
import io.s2l.stats.Interruption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DataDecide's comparison of proxy metrics (Magnusson et al. 2025; docs/science.md section 2.12):
 * for every proxy scale and evaluation set with answers, the decision accuracy of each metric.
 *
 * <p>With v_{s,k,r} = {@link ProxyMetrics#mean} of a metric for the run (scale s, distribution D_k,
 * seed r), the proxy's value is x_k = sign * (1/R) sum_r v_{proxy,k,r}, sign = +1 when a higher
 * value is better and -1 otherwise; the target is y_k = (1/R) sum_r accuracy_{ref,k,r} on
 * multiple-choice sets and y_k = -(1/R) sum_r loss_{ref,k,r} on answer sets; then DA = {@link
 * DecisionAccuracy#of}(x, y). Both sides point so that larger is better, so DA = 1 means the proxy
 * metric orders every pair of distributions as the reference does.
 */
public final class MetricDecisions {

  /** A run's raw scores on one set, or null when the run has none stored for it. */
  @FunctionalInterface
  public interface Scores {
    AnswerScores of(String scale, String distribution, long seed, String evalSet);
  }

  private MetricDecisions() {}

  /**
   * One result per proxy scale (every scale but the reference, study order) and evaluation set
   * (study order), proxy-major; a set is left out when some run has no scores for it (sets without
   * answers, or runs stored before scores were kept).
   *
   * @throws IllegalArgumentException with fewer than 3 distributions, or when the runs of a set
   *     disagree on whether it is multiple choice
   * @throws java.util.concurrent.CancellationException when the thread is interrupted, before the
   *     next proxy and set ({@link Interruption})
   */
  public static List<MetricDecision> analyze(
      List<String> scales,
      List<String> distributions,
      List<Long> seeds,
      List<String> evalSets,
      String reference,
      Scores scores) {
    if (distributions.size() < 3) {
      throw new IllegalArgumentException(
          "at least 3 distributions are needed, got " + distributions.size());
    }
    Map<String, Boolean> choiceSets = new LinkedHashMap<>();
    for (String evalSet : evalSets) {
      Boolean choices = choiceSet(scales, distributions, seeds, evalSet, scores);
      if (choices != null) {
        choiceSets.put(evalSet, choices);
      }
    }
    List<MetricDecision> results = new ArrayList<>();
    for (String proxy : scales) {
      if (proxy.equals(reference)) {
        continue;
      }
      for (Map.Entry<String, Boolean> set : choiceSets.entrySet()) {
        Interruption.check();
        String evalSet = set.getKey();
        boolean choices = set.getValue();
        ProxyMetric targetMetric = choices ? ProxyMetric.ACCURACY : ProxyMetric.LOSS;
        double[] y =
            oriented(
                targetMetric,
                seedMeans(reference, distributions, seeds, evalSet, scores, targetMetric));
        Map<ProxyMetric, Double> accuracy = new EnumMap<>(ProxyMetric.class);
        ProxyMetric best = null;
        for (ProxyMetric metric : ProxyMetric.values()) {
          if (metric.needsChoices() && !choices) {
            continue;
          }
          double[] x =
              oriented(metric, seedMeans(proxy, distributions, seeds, evalSet, scores, metric));
          double da = DecisionAccuracy.of(x, y);
          accuracy.put(metric, da);
          if (!Double.isNaN(da) && (best == null || da > accuracy.get(best))) {
            best = metric;
          }
        }
        results.add(
            new MetricDecision(
                proxy,
                evalSet,
                choices ? MetricDecision.REFERENCE_ACCURACY : MetricDecision.REFERENCE_LOSS,
                accuracy,
                best));
      }
    }
    return List.copyOf(results);
  }

  /**
   * Whether the set is multiple choice; null when some run has no scores for it, or when runs
   * disagree (an import or an external trainer gave one run several choices and another a single
   * answer): such a set gets no comparison rather than failing the whole analysis.
   */
  private static Boolean choiceSet(
      List<String> scales,
      List<String> distributions,
      List<Long> seeds,
      String evalSet,
      Scores scores) {
    Boolean choices = null;
    for (String scale : scales) {
      for (String distribution : distributions) {
        for (long seed : seeds) {
          AnswerScores s = scores.of(scale, distribution, seed, evalSet);
          if (s == null) {
            return null;
          }
          if (choices != null && choices != s.multipleChoice()) {
            return null;
          }
          choices = s.multipleChoice();
        }
      }
    }
    return choices;
  }

  /** Per distribution, (1/R) sum_r of the run's mean metric. */
  private static double[] seedMeans(
      String scale,
      List<String> distributions,
      List<Long> seeds,
      String evalSet,
      Scores scores,
      ProxyMetric metric) {
    double[] means = new double[distributions.size()];
    for (int k = 0; k < means.length; k++) {
      for (long seed : seeds) {
        means[k] +=
            ProxyMetrics.mean(scores.of(scale, distributions.get(k), seed, evalSet), metric);
      }
      means[k] /= seeds.size();
    }
    return means;
  }

  /** The values negated when lower is better, so that larger is better. */
  private static double[] oriented(ProxyMetric metric, double[] values) {
    if (!metric.higherIsBetter()) {
      for (int i = 0; i < values.length; i++) {
        values[i] = -values[i];
      }
    }
    return values;
  }
}
