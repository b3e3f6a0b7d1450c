package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The LASSO against exact solutions: a balanced design (every subset of 3 examples, twice), whose
 * centred indicator columns are orthogonal with variance 1/4, has the closed form w_i = S(c_i,
 * lambda) / (1/4), c_i = (1/m) sum_j (x_ji - 1/2)(y_j - mean(y)); and for a random design, the KKT
 * conditions of the objective (1/(2m)) ||y - b - Xw||^2 + lambda ||w||_1.
 */
class LassoClosedFormTest {

  @Test
  void orthogonalDesignGivesSoftThresholdedCovariances() {
    boolean[][] subsets = new boolean[16][3];
    for (int j = 0; j < 16; j++) {
      for (int i = 0; i < 3; i++) {
        subsets[j][i] = ((j >> i) & 1) == 1;
      }
    }
    double[] y = new double[16];
    Random random = new Random(11);
    for (int j = 0; j < 16; j++) {
      y[j] = 1 + (subsets[j][0] ? 2.0 : 0) - (subsets[j][1] ? 0.3 : 0) + random.nextGaussian();
    }
    double mean = mean(y);
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 16; j++) {
        c[i] += ((subsets[j][i] ? 1 : 0) - 0.5) * (y[j] - mean) / 16;
      }
    }
    double lambda = 0.2;
    Lasso.Fit fit = Lasso.fit(subsets, y, lambda);

    double intercept = mean;
    for (int i = 0; i < 3; i++) {
      double expected = Math.signum(c[i]) * Math.max(Math.abs(c[i]) - lambda, 0) / 0.25;
      assertThat(fit.weights()[i]).as("w_%d (c = %f)", i, c[i]).isCloseTo(expected, within(1e-9));
      intercept -= expected * 0.5;
    }
    assertThat(fit.intercept()).isCloseTo(intercept, within(1e-9));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.weights()).as("lambda 0.2 zeroes at least one weight").contains(0.0);
    assertThat(fit.weights()[0]).isGreaterThan(1.0);

    Lasso.Fit empty = Lasso.fit(subsets, y, 10);
    assertThat(empty.weights()).containsOnly(0.0);
    assertThat(empty.intercept()).isCloseTo(mean, within(1e-12));
  }

  @Test
  void randomDesignSatisfiesTheKktConditions() {
    Random random = new Random(5);
    int m = 80;
    int n = 30;
    boolean[][] subsets = new boolean[m][n];
    double[] y = new double[m];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < n; i++) {
        subsets[j][i] = random.nextBoolean();
        if (subsets[j][i] && i < 5) {
          y[j] += i - 2;
        }
      }
      y[j] += random.nextGaussian();
    }
    double lambda = 0.05;
    Lasso.Fit fit = Lasso.fit(subsets, y, lambda);

    double[] residual = new double[m];
    double sum = 0;
    for (int j = 0; j < m; j++) {
      residual[j] = y[j] - fit.predict(subsets[j]);
      sum += residual[j];
    }
    assertThat(sum / m).as("intercept optimal: mean residual").isCloseTo(0, within(1e-9));
    for (int i = 0; i < n; i++) {
      double gradient = 0;
      for (int j = 0; j < m; j++) {
        gradient += (subsets[j][i] ? 1 : 0) * residual[j] / m;
      }
      double w = fit.weights()[i];
      if (w != 0) {
        assertThat(gradient).as("active %d", i).isCloseTo(lambda * Math.signum(w), within(1e-6));
      } else {
        assertThat(Math.abs(gradient)).as("inactive %d", i).isLessThanOrEqualTo(lambda + 1e-6);
      }
    }
    long nonZero = Arrays.stream(fit.weights()).filter(w -> w != 0).count();
    assertThat(nonZero).as("sparse but not empty").isBetween(3L, (long) n - 1);
  }

  @Test
  void refusesBadInput() {
    boolean[][] subsets = {{true, false}, {false, true}, {true, true}};
    assertThatThrownBy(() -> Lasso.fit(subsets, new double[] {1, 2}, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one per subset");
    assertThatThrownBy(() -> Lasso.fit(subsets, new double[] {1, 2, 3}, -1))
        .hasMessageContaining("lambda");
    assertThatThrownBy(() -> Lasso.fit(subsets, new double[] {1, Double.NaN, 3}, 0.1))
        .hasMessageContaining("outputs[1]");
    assertThatThrownBy(() -> Lasso.fitCrossValidated(subsets, new double[] {1, 2, 3}, 4, 1))
        .hasMessageContaining("folds");
    boolean[][] ragged = {{true, false}, {true}};
    assertThatThrownBy(() -> Lasso.fit(ragged, new double[] {1, 2}, 0.1))
        .hasMessageContaining("subsets[1] has 1 entries");
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
