package io.s2l.stats.study;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.Correlation;
import io.s2l.stats.Interval;
import io.s2l.stats.ScaleCorrelationBootstrap;
import java.util.Map;

/**
 * How well the reference predicts itself across seeds on one evaluation set (docs/science.md
 * section 2.9): the split-half correlation of its seed-averaged losses. With R &gt;= 2 seeds in
 * study order, h = floor(R / 2), half A the first h seeds and half B the last h (with R odd the
 * middle seed is in neither, so the halves are equally noisy), and m_{k,r} the mean loss of the
 * reference run on distribution k with seed r:
 *
 * <pre>
 *   a_k = (1/h) sum_{r in A} m_{k,r}      b_k = (1/h) sum_{r in B} m_{k,r}
 *   pearsonR = r(a, b)      r2 = pearsonR^2
 *   spearmanBrown = n pearsonR / (1 + (n - 1) pearsonR),   n = R / h
 * </pre>
 *
 * r2 is the share of the variance of one half's means that the other half's explains: a proxy that
 * falls well short of it is worse than the reference's own seed noise permits, one that reaches it
 * is as good as a rerun of the reference with other seeds. spearmanBrown (Spearman 1910, Brown
 * 1910) steps the half-split correlation up to the reliability of the mean over all R seeds, the
 * variance share of y_k = mean_r m_{k,r} that is not seed noise; it is NaN when pearsonR &lt;= 0 or
 * undefined (the formula then leaves [0, 1]).
 *
 * @param evalSet the evaluation set
 * @param halfSeeds h, the seeds in each half
 * @param pearsonR Pearson r of the half means a and b, NaN when either is constant
 * @param r2 pearsonR^2
 * @param pearsonRCi95 percentile bootstrap interval of pearsonR resampling distributions, at the
 *     analysis' level
 * @param r2Ci95 the same interval for r2, from the same resamples
 * @param spearmanBrown the split-half correlation stepped up to R seeds, NaN when pearsonR &lt;= 0
 */
public record NoiseCeiling(
    String evalSet,
    int halfSeeds,
    double pearsonR,
    double r2,
    Interval pearsonRCi95,
    Interval r2Ci95,
    double spearmanBrown) {

  /**
   * @param runMeans the reference's m_{k,r}, K rows of R &gt;= 2 seeds in study order
   * @param bootstrap resample count and seed of the intervals
   */
  static NoiseCeiling of(String evalSet, double[][] runMeans, Bootstrap bootstrap, double level) {
    int seeds = runMeans[0].length;
    int half = seeds / 2;
    double[] a = new double[runMeans.length];
    double[] b = new double[runMeans.length];
    for (int k = 0; k < runMeans.length; k++) {
      for (int i = 0; i < half; i++) {
        a[k] += runMeans[k][i];
        b[k] += runMeans[k][seeds - half + i];
      }
      a[k] /= half;
      b[k] /= half;
    }
    double r = Correlation.pearson(a, b);
    Map<String, Interval> ci = ScaleCorrelationBootstrap.intervals(a, b, bootstrap, level);
    double n = (double) seeds / half;
    double stepped = r > 0 ? n * r / (1 + (n - 1) * r) : Double.NaN;
    return new NoiseCeiling(evalSet, half, r, r * r, ci.get("pearsonR"), ci.get("r2"), stepped);
  }

  /**
   * The share of this ceiling a proxy reaches: proxyR2 / r2, or NaN when pearsonR is not positive
   * (or undefined): a reference whose seed halves do not agree sets no ceiling. It can exceed 1:
   * the proxy is compared with the mean over all R seeds, the ceiling with the mean over h.
   */
  double fractionReached(double proxyR2) {
    return pearsonR > 0 ? proxyR2 / r2 : Double.NaN;
  }
}
