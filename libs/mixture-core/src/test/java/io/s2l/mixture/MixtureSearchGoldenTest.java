package io.s2l.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Least squares, its leave-one-out residuals and R^2, the top-k average and the jackknife
 * prediction interval against numpy, on data both sides build from the same formula.
 *
 * <p>Reference (the script in src/test/resources/golden/README.md): Python 3.11.7, numpy 2.4.6:
 * {@code W[i] = [i%5+1, i%7+1, i%3+1] / sum} (i < 20), {@code y[i] = W[i] @ [2, 1.5, 3] + 0.05 (((7
 * i) % 11) - 5) / 5}; the fit with the model's ridge, {@code G = X.T @ X; np.linalg.solve(G + 1e-9
 * * np.trace(G) / 3 * np.eye(3), X.T @ t)}, on all rows (beta) and on the rows other than i
 * (residual i); candidates {@code C[j] = [j%4+1, (3 j)%5+1, (2 j)%3+1] / sum} (j < 8), top 3 by
 * {@code np.argsort(C @ beta, kind='stable')[:3]}, averaged; {@code q =
 * np.sort(np.abs(res))[math.ceil(0.95 * 21) - 1]}.
 */
class MixtureSearchGoldenTest {

  static final double[] BETA = {2.0783728743570276, 1.4983676462273008, 2.8859490381917996};
  static final double[] RESIDUALS = {
    -0.041884499885276316, 0.036168383129962844, -0.008433264307316612, 0.034096490828756654,
    -0.0032668980934438263, -0.003523236464924695, 0.0483581186594495, -0.0011287016146881435,
    -0.04290470645301614, -0.0004427763697780751, 0.015095211579286394, -0.03520295387893291,
    0.010621501915880183, -0.02835133635862963, 0.06203536204616533, 0.02137308936809834,
    -0.020568368180613916, 0.05557789385680678, -0.02273496753057258, -0.05705206879849256
  };
  static final double R2 = 0.9467162936703979;
  static final double[] TOP3_MEAN = {0.33240740740740743, 0.48148148148148145, 0.18611111111111112};
  static final double TOP3_PREDICTED = 1.9494099950082604;
  static final double LOW = 1.887374632962095;
  static final double HIGH = 2.0114453570544257;

  static double[] normalised(double... v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = v[i] / s;
    }
    return w;
  }

  @Test
  void theFitTheResidualsTheTopThreeAndTheIntervalAreNumpys() {
    double[][] w = new double[20][];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      w[i] = normalised(i % 5 + 1, i % 7 + 1, i % 3 + 1);
      y[i] = 2 * w[i][0] + 1.5 * w[i][1] + 3 * w[i][2] + 0.05 * (((i * 7) % 11) - 5) / 5.0;
    }
    LinearMixtureModel model = LinearMixtureModel.fit(w, y);
    assertThat(model.coefficients()).containsExactly(BETA, within(1e-10));
    double[] residuals = CrossValidation.leaveOneOutResiduals(LinearMixtureModel::fit, w, y);
    assertThat(residuals).containsExactly(RESIDUALS, within(1e-10));
    assertThat(CrossValidation.r2(y, residuals)).isCloseTo(R2, within(1e-10));

    List<double[]> candidates = new ArrayList<>();
    for (int j = 0; j < 8; j++) {
      candidates.add(normalised(j % 4 + 1, (j * 3) % 5 + 1, (j * 2) % 3 + 1));
    }
    MixtureSearch.Best top = MixtureSearch.topK(model, candidates, 3);
    assertThat(top.averaged()).isEqualTo(3);
    assertThat(top.weights()).containsExactly(TOP3_MEAN, within(1e-12));
    assertThat(top.predictedLoss()).isCloseTo(TOP3_PREDICTED, within(1e-10));
    // linear: the prediction for the mean is the mean of the predictions
    double meanPrediction =
        (model.predict(candidates.get(3))
                + model.predict(candidates.get(6))
                + model.predict(candidates.get(1)))
            / 3;
    assertThat(top.predictedLoss()).isCloseTo(meanPrediction, within(1e-12));

    PredictionInterval interval =
        PredictionInterval.jackknife(top.predictedLoss(), residuals).orElseThrow();
    assertThat(interval.low()).isCloseTo(LOW, within(1e-10));
    assertThat(interval.high()).isCloseTo(HIGH, within(1e-10));
  }

  @Test
  void theIntervalTakesTheRankCeilOf95PercentOfNPlusOne() {
    // n = 39: rank ceil(0.95 * 40) = 38, the second largest |e|
    double[] residuals = new double[39];
    for (int i = 0; i < residuals.length; i++) {
      residuals[i] = (i % 2 == 0 ? 1 : -1) * (i + 1) / 100.0;
    }
    PredictionInterval interval = PredictionInterval.jackknife(5, residuals).orElseThrow();
    assertThat(interval.low()).isCloseTo(5 - 0.38, within(1e-15));
    assertThat(interval.high()).isCloseTo(5 + 0.38, within(1e-15));
    // n = 19: rank 19, the largest; n = 18: rank 19 > 18, unbounded
    assertThat(PredictionInterval.jackknife(0, java.util.Arrays.copyOf(residuals, 19)))
        .hasValueSatisfying(p -> assertThat(p.high()).isCloseTo(0.19, within(1e-15)));
    assertThat(PredictionInterval.jackknife(0, java.util.Arrays.copyOf(residuals, 18))).isEmpty();
  }

  @Test
  void theTopKOfOneIsTheBestCandidateAndKBeyondTheCandidatesAveragesThemAll() {
    LinearMixtureModel model =
        LinearMixtureModel.fit(
            new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}}, new double[] {1.0, 3.0, 2.0});
    List<double[]> candidates = List.of(new double[] {0.2, 0.8}, new double[] {0.6, 0.4});
    assertThat(MixtureSearch.topK(model, candidates, 1).weights())
        .containsExactly(new double[] {0.6, 0.4}, within(0.0));
    MixtureSearch.Best all = MixtureSearch.topK(model, candidates, 100);
    assertThat(all.averaged()).isEqualTo(2);
    assertThat(all.weights()).containsExactly(new double[] {0.4, 0.6}, within(1e-15));
    // the exact fit is 1 and 3; the 1e-9 ridge moves it by about 2e-9
    assertThat(all.predictedLoss()).isCloseTo(0.4 * 1 + 0.6 * 3, within(1e-8));
  }
}
