package io.s2l.mixture;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The recommended mixture: the average of the {@code k} candidates a model predicts the lowest
 * losses for (RegMix's top-k average; docs/science.md section 4.4, "Proposal"), with the model's
 * prediction for that average. Averaging smooths the regression's noise: the single best candidate
 * is where the fit errs lowest as much as where the loss is lowest.
 */
public final class MixtureSearch {

  private MixtureSearch() {}

  /**
   * @param weights the recommended domain weights: the mean of the top candidates' weights
   * @param predictedLoss the model's prediction for {@code weights}
   * @param averaged how many candidates were averaged: {@code min(k, candidates)}
   */
  public record Best(double[] weights, double predictedLoss, int averaged) {}

  /** The single candidate with the lowest predicted loss (top-1). */
  public static Best best(MixtureModel model, List<double[]> candidates) {
    return topK(model, candidates, 1);
  }

  /**
   * The mean of the {@code min(k, candidates)} candidates with the lowest predicted losses (ties:
   * the earlier candidate first), and the model's prediction for that mean. The mean of mixtures is
   * a mixture, and it weighs no domain that no averaged candidate weighs.
   */
  public static Best topK(MixtureModel model, List<double[]> candidates, int k) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate mixtures");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1; got " + k);
    }
    double[][] all = candidates.toArray(new double[0][]);
    double[] predictions = predictAll(model, all);
    int m = Math.min(k, all.length);
    int[] order =
        IntStream.range(0, all.length)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> predictions[i]))
            .limit(m)
            .mapToInt(Integer::intValue)
            .toArray();
    double[] mean = new double[all[0].length];
    for (int i : order) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += all[i][d] / m;
      }
    }
    double predicted = m == 1 ? predictions[order[0]] : predictAll(model, new double[][] {mean})[0];
    return new Best(m == 1 ? all[order[0]].clone() : mean, predicted, m);
  }

  private static double[] predictAll(MixtureModel model, double[][] mixtures) {
    return model instanceof BoostedMixtureModel boosted
        ? boosted.predictAll(mixtures)
        : Arrays.stream(mixtures).mapToDouble(model::predict).toArray();
  }
}
