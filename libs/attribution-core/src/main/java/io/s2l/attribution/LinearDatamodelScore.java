package io.s2l.attribution;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.Correlation;
import io.s2l.stats.Interruption;
import io.s2l.stats.Interval;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The linear datamodeling score (LDS) of attribution scores tau (docs/science.md section 3.4; Park
 * et al., "TRAK", ICML 2023, definition 2.2): models trained on m fresh random subsets S_1..S_m of
 * the pool give actual outputs f(z; theta(S_j)) for every target z; the datamodel predicts
 *
 * <pre>
 *   f_hat_z(S_j) = sum_{i in S_j} tau(z)_i
 * </pre>
 *
 * and LDS(z) = Spearman rho over j of (f(z; theta(S_j)), f_hat_z(S_j)). The score is the mean over
 * targets, with a 95% percentile bootstrap interval resampling targets ({@link
 * Bootstrap#meanInterval}, 1000 resamples).
 *
 * <p>Undefined targets: rho is 0/0 when the outputs or the predictions of a target are constant
 * over the m subsets (e.g. a target whose scores are all zero, or that every model gets identically
 * right). Such a target says nothing about the attribution; it is reported as NaN in {@link
 * Lds#perTarget}, counted in {@link Lds#undefinedTargets} and left out of the mean and the
 * interval, not counted as 0.
 */
public final class LinearDatamodelScore {

  private static final double LEVEL = 0.95;

  private LinearDatamodelScore() {}

  /**
   * Evaluates the LDS.
   *
   * @param scores tau, targets x pool
   * @param subsets m x n membership: subsets[j][i] is whether pool example i was in S_j; m &gt;= 3
   * @param outputs m x t actual outputs: outputs[j][z] = f(z; theta(S_j)), finite
   * @param bootstrapSeed seed of the bootstrap over targets
   * @throws IllegalArgumentException if the shapes disagree, m &lt; 3 or an output is not finite
   * @throws java.util.concurrent.CancellationException when the calling thread is interrupted,
   *     before the next target ({@link Interruption})
   */
  public static Lds evaluate(
      Scores scores, boolean[][] subsets, double[][] outputs, long bootstrapSeed) {
    Objects.requireNonNull(scores, "scores");
    int m = Subsets.validate(subsets, scores.pool());
    Subsets.requireOutputs(outputs, m, scores.targets());
    if (m < 3) {
      throw new IllegalArgumentException("the LDS needs at least 3 subsets, got " + m);
    }
    int[][] members = Subsets.members(subsets);
    Thread caller = Thread.currentThread();
    double[] perTarget =
        IntStream.range(0, scores.targets())
            .parallel()
            .mapToDouble(
                z -> {
                  Interruption.check(caller);
                  return targetLds(scores, z, members, outputs);
                })
            .toArray();
    double[] defined = Arrays.stream(perTarget).filter(v -> !Double.isNaN(v)).toArray();
    int undefined = perTarget.length - defined.length;
    if (defined.length == 0) {
      return new Lds(perTarget, Double.NaN, new Interval(Double.NaN, Double.NaN), undefined);
    }
    double sum = 0;
    for (double v : defined) {
      sum += v;
    }
    Interval ci =
        new Bootstrap(Bootstrap.DEFAULT_RESAMPLES, bootstrapSeed).meanInterval(defined, LEVEL);
    return new Lds(perTarget, sum / defined.length, ci, undefined);
  }

  /** Spearman rho between actual and predicted outputs of target z over the subsets. */
  private static double targetLds(Scores scores, int z, int[][] members, double[][] outputs) {
    int m = members.length;
    int offset = z * scores.pool();
    float[] tau = scores.values();
    double[] actual = new double[m];
    double[] predicted = new double[m];
    for (int j = 0; j < m; j++) {
      actual[j] = outputs[j][z];
      double sum = 0;
      for (int i : members[j]) {
        sum += tau[offset + i];
      }
      predicted[j] = sum;
    }
    return Correlation.spearman(actual, predicted);
  }
}
