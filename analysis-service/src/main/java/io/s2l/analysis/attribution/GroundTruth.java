package io.s2l.analysis.attribution;

/**
 * The reference models trained on random subsets of the pool: which pool examples each subset holds
 * and the model output function (log-odds margin of the correct class) on every test example,
 * averaged over the seeds a subset was trained with.
 *
 * @param subsets m x n membership of pool examples
 * @param outputs m x (test examples) margins
 * @param models reference models behind the m subsets (m times the seeds)
 */
record GroundTruth(boolean[][] subsets, double[][] outputs, int models) {

  int count() {
    return subsets.length;
  }

  /** The outputs on the given test examples, in their order. */
  double[][] outputsOn(int[] testIndices) {
    double[][] chosen = new double[outputs.length][testIndices.length];
    for (int j = 0; j < outputs.length; j++) {
      for (int r = 0; r < testIndices.length; r++) {
        chosen[j][r] = outputs[j][testIndices[r]];
      }
    }
    return chosen;
  }
}
