package io.s2l.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixtureModelTest {

  /** Flat-Dirichlet mixtures of k domains (normalised exponentials). */
  static double[][] mixtures(int n, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] w = new double[n][k];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int d = 0; d < k; d++) {
        w[i][d] = -Math.log(1 - r.nextDouble());
        s += w[i][d];
      }
      for (int d = 0; d < k; d++) {
        w[i][d] /= s;
      }
    }
    return w;
  }

  @Test
  void leastSquaresRecoversAnExactLinearLoss() {
    double[] beta = {2.0, 1.5, 3.0, 2.5};
    double[][] w = mixtures(30, 4, 1);
    double[] y = new double[w.length];
    for (int i = 0; i < y.length; i++) {
      for (int d = 0; d < 4; d++) {
        y[i] += beta[d] * w[i][d];
      }
    }
    LinearMixtureModel model = LinearMixtureModel.fit(w, y);
    assertThat(model.coefficients()).containsExactly(beta, within(1e-6));
    assertThat(CrossValidation.leaveOneOutR2(LinearMixtureModel::fit, w, y))
        .isCloseTo(1.0, within(1e-9));
    // the best of many candidates leans on the cheapest domain (index 1)
    List<double[]> candidates = new ArrayList<>(List.of(mixtures(2000, 4, 2)));
    MixtureSearch.Best best = MixtureSearch.best(model, candidates);
    assertThat(best.weights()[1]).isGreaterThan(0.8);
    assertThat(best.predictedLoss()).isCloseTo(model.predict(best.weights()), within(1e-12));
  }

  @Test
  void boostedTreesFitANonLinearLossThatLeastSquaresCannot() {
    // loss is lowest for a balanced mix of domains 0 and 1: a valley inside the simplex
    double[][] w = mixtures(200, 3, 3);
    double[] y = new double[w.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 2 + 4 * Math.pow(w[i][0] - 0.5, 2) + 4 * Math.pow(w[i][1] - 0.5, 2);
    }
    double linear = CrossValidation.leaveOneOutR2(LinearMixtureModel::fit, w, y);
    BoostedMixtureModel boosted = BoostedMixtureModel.fit(w, y, 7);
    double[] fitted = boosted.predictAll(w);
    double residual = 0;
    double total = 0;
    double mean = java.util.Arrays.stream(y).average().orElseThrow();
    for (int i = 0; i < y.length; i++) {
      residual += Math.pow(y[i] - fitted[i], 2);
      total += Math.pow(y[i] - mean, 2);
    }
    assertThat(1 - residual / total).isGreaterThan(0.9).isGreaterThan(linear);
    MixtureSearch.Best best = MixtureSearch.best(boosted, List.of(mixtures(5000, 3, 4)));
    assertThat(best.weights()[0]).isBetween(0.25, 0.75);
    assertThat(best.weights()[1]).isBetween(0.25, 0.75);
    // deterministic: same data and seed, same predictions
    assertThat(BoostedMixtureModel.fit(w, y, 7).predictAll(w)).containsExactly(fitted);
  }
}
