package io.s2l.stats.study;

import java.util.Arrays;

/**
 * One pass over the losses of one scale on one evaluation set, collecting everything the analysis
 * needs from them: per-run means m_{k,r}, their seed averages x_k, the number of correct answers
 * and, per example z, the moments of the seed-summed losses
 *
 * <pre>
 *   d_k(z) = sum_r l(z; theta(D_k, r)) - sum_r l(z; theta(D_1, r))
 * </pre>
 *
 * over k. Seed sums instead of seed means and the shift by distribution 1 leave Pearson's r
 * unchanged (it is invariant to scaling and shifting either side); the shift keeps the one-pass
 * moments sum d, sum d^2, sum d e accurate (d_1 = 0 bounds the mean of d by its spread, so sum d^2
 * - (sum d)^2 / K cancels at most a factor K) and makes zero variance exact: d is all 0 exactly
 * when the K losses are equal. The reference keeps its d_k(z), which every proxy pass reads to form
 * sum_k d_k(z) e_k(z).
 *
 * <p>Each float array is read once; the per-example loops are branch-free over contiguous arrays,
 * which the JIT vectorises.
 */
final class ScalePass {

  final double[][] runMeans; // m_{k,r}
  final double[] means; // x_k = mean_r m_{k,r}
  final long correct; // number of correct (distribution, seed, example), 0 without accuracy
  final long judged; // number of (distribution, seed, example) judged, 0 without accuracy
  final double[] sum; // sum_k d_k(z)
  final double[] sumSquares; // sum_k d_k(z)^2
  final double[] cross; // sum_k d_k(z) e_k(z), e the reference's d; null for the reference
  final double[][] shifted; // the reference's d_k(z), k >= 1; null for a proxy

  private ScalePass(LossCube cube, int scale, int evalSet, ScalePass reference) {
    int distributions = cube.distributions().size();
    int seeds = cube.seeds().size();
    int examples = cube.examplesAt(evalSet);
    runMeans = new double[distributions][seeds];
    means = new double[distributions];
    sum = new double[examples];
    sumSquares = new double[examples];
    cross = reference == null ? null : new double[examples];
    shifted = reference == null ? new double[distributions][] : null;
    double[] base = new double[examples];
    double[] seedSum = new double[examples];
    long correctCount = 0;
    long judgedCount = 0;
    for (int k = 0; k < distributions; k++) {
      double[] target = k == 0 ? base : seedSum;
      Arrays.fill(target, 0);
      double meanSum = 0;
      for (int r = 0; r < seeds; r++) {
        int cell = cube.cell(scale, k, r, evalSet);
        double total = accumulate(cube.lossesAt(cell), target);
        runMeans[k][r] = total / examples;
        meanSum += runMeans[k][r];
        boolean[] right = cube.correctAt(cell);
        if (right != null) {
          correctCount += countTrue(right);
          judgedCount += right.length;
        }
      }
      means[k] = meanSum / seeds;
      if (k > 0) {
        if (reference == null) {
          shifted[k] = moments(seedSum, base);
        } else {
          moments(seedSum, base, reference.shifted[k]);
        }
      }
    }
    correct = correctCount;
    judged = judgedCount;
  }

  /** The reference's pass, which keeps its shifted losses for the proxies. */
  static ScalePass reference(LossCube cube, int scale, int evalSet) {
    return new ScalePass(cube, scale, evalSet, null);
  }

  /** A proxy's pass, correlating example by example with the reference's. */
  static ScalePass proxy(LossCube cube, int scale, int evalSet, ScalePass reference) {
    return new ScalePass(cube, scale, evalSet, reference);
  }

  /** target += losses; returns their sum. Two accumulators halve the chain of dependent adds. */
  private static double accumulate(float[] losses, double[] target) {
    double even = 0;
    double odd = 0;
    int n = losses.length;
    int z = 0;
    for (; z + 1 < n; z += 2) {
      double a = losses[z];
      double b = losses[z + 1];
      target[z] += a;
      target[z + 1] += b;
      even += a;
      odd += b;
    }
    if (z < n) {
      target[z] += losses[z];
      even += losses[z];
    }
    return even + odd;
  }

  /** The reference's moments; returns d = seedSum - base. */
  private double[] moments(double[] seedSum, double[] base) {
    double[] d = new double[seedSum.length];
    for (int z = 0; z < d.length; z++) {
      double v = seedSum[z] - base[z];
      d[z] = v;
      sum[z] += v;
      sumSquares[z] += v * v;
    }
    return d;
  }

  /** A proxy's moments against the reference's shifted losses e. */
  private void moments(double[] seedSum, double[] base, double[] e) {
    for (int z = 0; z < seedSum.length; z++) {
      double v = seedSum[z] - base[z];
      sum[z] += v;
      sumSquares[z] += v * v;
      cross[z] += v * e[z];
    }
  }

  private static long countTrue(boolean[] values) {
    long count = 0;
    for (boolean v : values) {
      count += v ? 1 : 0;
    }
    return count;
  }
}
