package io.s2l.mixture;

/** Checks of regression samples: n mixtures of k domains and their losses. */
final class Samples {

  private Samples() {}

  static void check(double[][] weights, double[] losses) {
    if (weights.length == 0 || weights.length != losses.length) {
      throw new IllegalArgumentException(
          weights.length
              + " mixtures and "
              + losses.length
              + " losses: need as many, at least one");
    }
    int k = weights[0].length;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i].length != k) {
        throw new IllegalArgumentException(
            "mixture " + i + " has " + weights[i].length + " weights, not " + k);
      }
      if (!Double.isFinite(losses[i])) {
        throw new IllegalArgumentException("loss " + i + " is not finite: " + losses[i]);
      }
    }
  }
}
