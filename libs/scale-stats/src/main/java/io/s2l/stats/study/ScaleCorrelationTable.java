package io.s2l.stats.study;

import io.s2l.stats.ScaleCorrelation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate scale correlation of a study (docs/science.md section 2): for every proxy scale s
 * and evaluation set j, x_k = mean_z l(z; theta_s(D_k)) and y_k = the same for the reference, each
 * averaged over seeds, correlated across the K distributions.
 */
public final class ScaleCorrelationTable {

  private ScaleCorrelationTable() {}

  /**
   * @param runs every (scale, distribution, seed, evaluation set) mean loss of the study
   * @param scales the study's scales in order, reference included
   * @param reference the reference scale
   * @param distributions the distributions in study order
   * @param evalSets the evaluation sets in study order
   * @throws IllegalArgumentException when a (scale, distribution, evaluation set) has no run
   */
  public static List<ScaleCorrelationRow> compute(
      List<RunLoss> runs,
      List<String> scales,
      String reference,
      List<String> distributions,
      List<String> evalSets) {
    Map<String, double[]> sums = new HashMap<>(); // key -> {sum of losses, count}
    Map<String, Long> params = new HashMap<>();
    Map<String, double[]> flops = new HashMap<>();
    for (RunLoss r : runs) {
      double[] acc =
          sums.computeIfAbsent(key(r.scale(), r.distribution(), r.evalSet()), k -> new double[2]);
      acc[0] += r.meanLoss();
      acc[1] += 1;
      params.put(r.scale(), r.params());
      double[] f = flops.computeIfAbsent(r.scale(), k -> new double[2]);
      f[0] += r.flops();
      f[1] += 1;
    }
    List<ScaleCorrelationRow> rows = new ArrayList<>();
    for (String proxy : scales) {
      if (proxy.equals(reference)) {
        continue;
      }
      for (String evalSet : evalSets) {
        double[] x = seedAveraged(sums, proxy, distributions, evalSet);
        double[] y = seedAveraged(sums, reference, distributions, evalSet);
        double proxyFlops = mean(flops, proxy);
        double referenceFlops = mean(flops, reference);
        rows.add(
            new ScaleCorrelationRow(
                proxy,
                reference,
                evalSet,
                distributions.size(),
                ScaleCorrelation.of(x, y),
                params.get(proxy),
                params.get(reference),
                proxyFlops,
                referenceFlops,
                referenceFlops / proxyFlops,
                x,
                y));
      }
    }
    return rows;
  }

  private static double[] seedAveraged(
      Map<String, double[]> sums, String scale, List<String> distributions, String evalSet) {
    double[] values = new double[distributions.size()];
    for (int k = 0; k < values.length; k++) {
      double[] acc = sums.get(key(scale, distributions.get(k), evalSet));
      if (acc == null) {
        throw new IllegalArgumentException(
            "no run of scale "
                + scale
                + " on "
                + distributions.get(k)
                + " evaluated on "
                + evalSet);
      }
      values[k] = acc[0] / acc[1];
    }
    return values;
  }

  private static double mean(Map<String, double[]> flops, String scale) {
    double[] f = flops.get(scale);
    if (f == null) {
      throw new IllegalArgumentException("no run of scale " + scale);
    }
    return f[0] / f[1];
  }

  private static String key(String scale, String distribution, String evalSet) {
    return scale + '\u0000' + distribution + '\u0000' + evalSet;
  }
}
