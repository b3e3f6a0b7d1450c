package io.s2l.stats.metrics;

/**
 * The per-example proxy metrics of docs/science.md section 2.12, from a model's raw scores. With
 * {@code lp_c} the summed log-likelihood of continuation c of an example and y its correct one:
 *
 * <pre>
 *   loss            = -lp_y / tokens_y
 *   bitsPerByte     = -lp_y / (bytes_y ln 2)
 *   correctProb     = exp(lp_y)
 *   normCorrectProb = exp(lp_y - logsumexp_c lp_c)
 *   margin          = exp(lp_y) - max_{c != y} exp(lp_c)
 *   accuracy        = 1 if lp_y > max_{c != y} lp_c, else 0
 * </pre>
 *
 * The last three compare choices and are defined only for multiple-choice sets.
 */
public final class ProxyMetrics {

  private static final double LN2 = Math.log(2);

  private ProxyMetrics() {}

  /**
   * @return the metric of every example, in example order
   * @throws IllegalArgumentException for a choice metric on a set that is not multiple choice
   */
  public static double[] perExample(AnswerScores scores, ProxyMetric metric) {
    if (metric.needsChoices() && !scores.multipleChoice()) {
      throw new IllegalArgumentException(metric.key() + " needs at least two choices per example");
    }
    double[] values = new double[scores.examples()];
    int at = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = value(scores, metric, at, scores.choices()[i], at + scores.labels()[i]);
      at += scores.choices()[i];
    }
    return values;
  }

  /** The mean over examples of {@link #perExample}. */
  public static double mean(AnswerScores scores, ProxyMetric metric) {
    double sum = 0;
    for (double v : perExample(scores, metric)) {
      sum += v;
    }
    return sum / scores.examples();
  }

  private static double value(AnswerScores s, ProxyMetric metric, int from, int n, int y) {
    double[] lp = s.logprobs();
    return switch (metric) {
      case LOSS -> -lp[y] / s.tokens()[y];
      case BITS_PER_BYTE -> -lp[y] / (s.bytes()[y] * LN2);
      case CORRECT_PROB -> Math.exp(lp[y]);
      case NORM_CORRECT_PROB -> Math.exp(lp[y] - logSumExp(lp, from, n));
      case MARGIN -> Math.exp(lp[y]) - Math.exp(bestOther(lp, from, n, y));
      case ACCURACY -> lp[y] > bestOther(lp, from, n, y) ? 1 : 0;
    };
  }

  private static double bestOther(double[] lp, int from, int n, int y) {
    double best = Double.NEGATIVE_INFINITY;
    for (int c = from; c < from + n; c++) {
      if (c != y) {
        best = Math.max(best, lp[c]);
      }
    }
    return best;
  }

  /** log sum_c exp(lp_c), shifted by the largest so it neither overflows nor underflows. */
  private static double logSumExp(double[] lp, int from, int n) {
    double shift = Double.NEGATIVE_INFINITY;
    for (int c = from; c < from + n; c++) {
      shift = Math.max(shift, lp[c]);
    }
    double sum = 0;
    for (int c = from; c < from + n; c++) {
      sum += Math.exp(lp[c] - shift);
    }
    return shift + Math.log(sum);
  }
}
