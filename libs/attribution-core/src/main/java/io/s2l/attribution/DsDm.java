package io.s2l.attribution;

import java.util.Objects;

/**
 * Dataset selection with datamodels (DsDm, Engstrom, Feldmann and Madry 2024; docs/science.md
 * section 4.1) on TRAK scores.
 *
 * <p>Sign convention: {@code tau(z)_i > 0} means that training on example i raises target z's
 * output, the log-odds margin of its correct class, and so lowers its loss. A datamodel that
 * predicts <em>loss</em> has weights of the opposite sign, {@code w(z)_i = -tau(z)_i}. DsDm takes
 * the n candidates with the lowest mean loss weight over the target examples, which are the n with
 * the highest mean {@code tau}. (The public DsDm code stores the opposite sign and takes the top k;
 * the selection is the same.)
 */
public final class DsDm {

  private DsDm() {}

  /**
   * The {@code size} pool examples with the highest mean score over {@code targetRows}, in
   * decreasing order of that mean (ties: lower index first).
   */
  public static int[] select(Scores scores, int[] targetRows, int size) {
    return Ranking.top(meanScore(scores, targetRows), size);
  }

  /** Per pool example, the mean of its scores over the given targets. */
  public static double[] meanScore(Scores scores, int[] targetRows) {
    Objects.requireNonNull(scores, "scores");
    requireRows(scores, targetRows);
    double[] mean = new double[scores.pool()];
    for (int t : targetRows) {
      int base = t * scores.pool();
      for (int i = 0; i < mean.length; i++) {
        mean[i] += scores.values()[base + i];
      }
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= targetRows.length;
    }
    return mean;
  }

  /**
   * The loss the linear datamodel predicts for the given targets after training on {@code subset}
   * instead of the whole pool: target z's margin becomes {@code f(z; pool) - sum_{i not in S}
   * tau(z)_i} and its loss {@code log(1 + exp(-margin))} (the cross-entropy of a correct class of
   * that log-odds); returns the mean over the targets.
   *
   * @param poolMargins per score row, the margin of a model trained on the whole pool
   */
  public static double predictedLoss(
      Scores scores, int[] targetRows, double[] poolMargins, boolean[] subset) {
    double[] margins = predictedOutputs(scores, targetRows, poolMargins, subset);
    double total = 0;
    for (double margin : margins) {
      total += softplus(-margin);
    }
    return total / targetRows.length;
  }

  /**
   * The language-model form of {@link #predictedLoss} (docs/science.md section 4.1): with obar(z)
   * the mean output o of the pool models on target z (o = -mean loss of an answer or text target; o
   * = the log-odds margin of the correct choice of a choice target), the datamodel predicts after
   * training on {@code subset}
   *
   * <pre>
   *   o'(z) = obar(z) - sum_{i not in S} tau(z)_i
   * </pre>
   *
   * and the loss -o'(z) of an answer target, log(1 + e^{-o'(z)}) of a choice target; returns the
   * mean over the targets. This is a different quantity from the per-byte loss the verification
   * measures (a choice target's verified loss is that of its correct choice's bytes): it serves to
   * rank selections, not to be compared with verified losses.
   *
   * @param poolOutputs per score row, obar
   * @param choice per score row, whether it is a multiple-choice target
   */
  public static double predictedTextLoss(
      Scores scores, int[] targetRows, double[] poolOutputs, boolean[] subset, boolean[] choice) {
    if (choice.length != scores.targets()) {
      throw new IllegalArgumentException(
          "choice has " + choice.length + " values; scores have " + scores.targets());
    }
    double[] outputs = predictedOutputs(scores, targetRows, poolOutputs, subset);
    double total = 0;
    for (int r = 0; r < targetRows.length; r++) {
      double o = outputs[r];
      total += choice[targetRows[r]] ? softplus(-o) : -o;
    }
    return total / targetRows.length;
  }

  /** Per given row, {@code f(z; pool) - sum_{i not in S} tau(z)_i}. */
  private static double[] predictedOutputs(
      Scores scores, int[] targetRows, double[] poolOutputs, boolean[] subset) {
    requireRows(scores, targetRows);
    if (poolOutputs.length != scores.targets()) {
      throw new IllegalArgumentException(
          "poolMargins has " + poolOutputs.length + " values; scores have " + scores.targets());
    }
    if (subset.length != scores.pool()) {
      throw new IllegalArgumentException(
          "subset has " + subset.length + " entries; the pool " + scores.pool());
    }
    double[] outputs = new double[targetRows.length];
    for (int r = 0; r < targetRows.length; r++) {
      int t = targetRows[r];
      int base = t * scores.pool();
      double output = poolOutputs[t];
      for (int i = 0; i < subset.length; i++) {
        if (!subset[i]) {
          output -= scores.values()[base + i];
        }
      }
      outputs[r] = output;
    }
    return outputs;
  }

  /** {@code log(1 + e^x)} without overflow. */
  static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  private static void requireRows(Scores scores, int[] targetRows) {
    Objects.requireNonNull(targetRows, "targetRows");
    if (targetRows.length == 0) {
      throw new IllegalArgumentException("at least one target row is required");
    }
    for (int t : targetRows) {
      if (t < 0 || t >= scores.targets()) {
        throw new IllegalArgumentException(
            "target row " + t + " is outside 0.." + (scores.targets() - 1));
      }
    }
  }
}
