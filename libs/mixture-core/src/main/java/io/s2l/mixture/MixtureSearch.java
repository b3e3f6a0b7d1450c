package io.s2l.mixture;

import java.util.List;

/** The candidate mixture a model predicts the lowest loss for. */
public final class MixtureSearch {

  private MixtureSearch() {}

  /**
   * @param weights the candidate mixture's domain weights
   * @param predictedLoss the model's prediction for it
   */
  public record Best(double[] weights, double predictedLoss) {}

  public static Best best(MixtureModel model, List<double[]> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate mixtures");
    }
    double[][] all = candidates.toArray(new double[0][]);
    double[] predictions =
        model instanceof BoostedMixtureModel boosted
            ? boosted.predictAll(all)
            : java.util.Arrays.stream(all).mapToDouble(model::predict).toArray();
    int best = 0;
    for (int i = 1; i < predictions.length; i++) {
      if (predictions[i] < predictions[best]) {
        best = i;
      }
    }
    return new Best(all[best].clone(), predictions[best]);
  }
}
