package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Closed form: least squares. With phi_i = x_i (no projection), lambda = 0 and q_i = the residual
 * r_i = y_i - x_i^T w (for the squared loss (y - f)^2 / 2, TRAK's Q is -dL/df), TRAK gives
 *
 * <pre>
 *   tau(z)_i = x_z^T (X^T X)^-1 x_i r_i
 * </pre>
 *
 * which is exactly d f(z) / d eps at eps = 0 when example i is weighted (1 + eps) in the least
 * squares fit (the influence function of OLS). Checked against a central finite difference of
 * weighted least-squares refits, solved independently by Gaussian elimination in double.
 */
class TrakClosedFormTest {

  private static final int N = 60;
  private static final int D = 5;
  private static final int TARGETS = 4;
  private static final double EPS = 1e-4;

  private final Random random = new Random(20231);
  private final float[] x = Dense.gaussian(random, N, D);
  private final float[] targets = Dense.gaussian(random, TARGETS, D);
  private final double[] y = outputs();
  private final double[] weightsOls = weightedFit(null);

  @Test
  void trakEqualsTheFiniteDifferenceOfWeightedLeastSquares() {
    float[] residual = new float[N];
    for (int i = 0; i < N; i++) {
      residual[i] = (float) (y[i] - dot(x, i, weightsOls));
    }
    ModelFeatures model =
        new ModelFeatures(FeatureRows.of(x, N, D), FeatureRows.of(targets, TARGETS, D), residual);

    Scores scores = Trak.score(List.of(model), 0.0, true, 16);

    for (int z = 0; z < TARGETS; z++) {
      double[] exact = finiteDifferences(z);
      double scale = Dense.maxAbs(exact);
      float[] row = scores.row(z);
      for (int i = 0; i < N; i++) {
        assertThat((double) row[i])
            .as("target %d example %d", z, i)
            .isCloseTo(exact[i], within(1e-4 * scale));
      }
      assertThat(ranking(row)).as("influence ranking of target %d", z).isEqualTo(ranking(exact));
    }
  }

  /** (f_z(+eps) - f_z(-eps)) / (2 eps) for each example i, f_z = x_z^T w(weights). */
  private double[] finiteDifferences(int z) {
    double[] derivative = new double[N];
    for (int i = 0; i < N; i++) {
      double[] up = new double[N];
      double[] down = new double[N];
      Arrays.fill(up, 1);
      Arrays.fill(down, 1);
      up[i] += EPS;
      down[i] -= EPS;
      double plus = dot(targets, z, weightedFit(up));
      double minus = dot(targets, z, weightedFit(down));
      derivative[i] = (plus - minus) / (2 * EPS);
    }
    return derivative;
  }

  /** w = (X^T W X)^-1 X^T W y, W = diag(weights) (identity when null). */
  private double[] weightedFit(double[] weights) {
    double[][] gram = Dense.weightedGram(x, N, D, weights, 0);
    double[] rhs = new double[D];
    for (int i = 0; i < N; i++) {
      double w = weights == null ? 1 : weights[i];
      for (int a = 0; a < D; a++) {
        rhs[a] += w * x[i * D + a] * y[i];
      }
    }
    return Dense.solve(gram, rhs);
  }

  private double[] outputs() {
    double[] beta = {1.0, -2.0, 0.5, 0.0, 3.0};
    double[] out = new double[N];
    for (int i = 0; i < N; i++) {
      out[i] = dot(x, i, beta) + 0.7 * random.nextGaussian();
    }
    return out;
  }

  private static double dot(float[] rows, int row, double[] w) {
    double sum = 0;
    for (int a = 0; a < D; a++) {
      sum += rows[row * D + a] * w[a];
    }
    return sum;
  }

  private static int[] ranking(float[] values) {
    return IntStream.range(0, values.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -values[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static int[] ranking(double[] values) {
    return IntStream.range(0, values.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -values[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
