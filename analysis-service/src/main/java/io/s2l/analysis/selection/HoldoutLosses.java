package io.s2l.analysis.selection;

/**
 * The reference's results on the holdout target examples after training on one selection, per seed
 * it was trained with.
 *
 * @param seeds the models' seeds, ascending
 * @param losses seeds x holdout examples, the per-example loss
 * @param accuracy seeds x holdout examples, 1 where the model got the example right; null where the
 *     evaluation set has no accuracy (text answer sets)
 */
record HoldoutLosses(long[] seeds, double[][] losses, double[][] accuracy) {

  int models() {
    return seeds.length;
  }

  double meanLoss() {
    return mean(losses);
  }

  Double meanAccuracy() {
    return accuracy == null ? null : mean(accuracy);
  }

  static double mean(double[][] values) {
    double s = 0;
    int n = 0;
    for (double[] row : values) {
      for (double v : row) {
        s += v;
        n++;
      }
    }
    return s / n;
  }
}
