package io.s2l.analysis.selection;

/**
 * The reference's results on the holdout target examples after training on one selection, averaged
 * over the seeds it was trained with.
 *
 * @param losses per holdout example, the mean loss
 * @param accuracy per holdout example, the fraction of models that classified it right
 * @param models how many reference models (seeds) the averages are over
 */
record HoldoutLosses(double[] losses, double[] accuracy, int models) {

  double meanLoss() {
    return mean(losses);
  }

  double meanAccuracy() {
    return mean(accuracy);
  }

  static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }
}
