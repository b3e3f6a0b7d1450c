package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Correlation#kendallTauB}; golden values: python 3.11.7, scipy 1.17.1
 * (src/test/resources/golden).
 */
class KendallTauBTest {
  @Test
  void tiesInXAndY() {
    // scipy 1.17.1: stats.kendalltau(TIES_X, TIES_Y).statistic
    assertThat(Correlation.kendallTauB(GoldenData.TIES_X, GoldenData.TIES_Y))
        .isCloseTo(0.8783100656536798, REL_1E9);
  }

  @Test
  void negativeCorrelation() {
    // scipy 1.17.1: stats.kendalltau(NEG_X, NEG_Y).statistic
    assertThat(Correlation.kendallTauB(GoldenData.NEG_X, GoldenData.NEG_Y))
        .isCloseTo(-0.8095238095238096, REL_1E9);
  }

  @Test
  void threePoints() {
    // scipy 1.17.1: stats.kendalltau([2.0, 1.0, 3.0], [1.0, 3.0, 2.0]).statistic
    assertThat(Correlation.kendallTauB(GoldenData.N3_X, GoldenData.N3_Y))
        .isCloseTo(-0.33333333333333337, REL_1E9);
  }

  @Test
  void thousandPoints() {
    // scipy 1.17.1: stats.kendalltau(SX, SY).statistic
    assertThat(Correlation.kendallTauB(GoldenData.smoothX(), GoldenData.smoothY()))
        .isCloseTo(0.6366406406406406, REL_1E9);
    // scipy 1.17.1: stats.kendalltau(TX, TY).statistic
    assertThat(Correlation.kendallTauB(GoldenData.tiedX(), GoldenData.tiedY()))
        .isCloseTo(0.7197183369859039, REL_1E9);
  }

  @Test
  void perfectOrderAndReverse() {
    double[] x = {1, 2, 3, 4};
    assertThat(Correlation.kendallTauB(x, new double[] {10, 20, 30, 40})).isEqualTo(1.0);
    assertThat(Correlation.kendallTauB(x, new double[] {40, 30, 20, 10})).isEqualTo(-1.0);
  }

  @Test
  void knightAlgorithmAgreesWithTheQuadraticDefinitionOnRandomTiedSamples() {
    SplittableRandom random = new SplittableRandom(1966L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 3 + random.nextInt(60);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(8) - 4.0;
        y[i] = random.nextInt(8) * 0.5;
      }
      double expected = quadraticTauB(x, y);
      double actual = Correlation.kendallTauB(x, y);
      if (Double.isNaN(expected)) {
        assertThat(actual).isNaN();
      } else {
        assertThat(actual).isCloseTo(expected, REL_1E9);
      }
    }
  }

  /** tau-b straight from its definition, pair by pair: O(n^2). */
  private static double quadraticTauB(double[] x, double[] y) {
    long s = 0;
    long untiedX = 0;
    long untiedY = 0;
    for (int a = 0; a < x.length; a++) {
      for (int b = a + 1; b < x.length; b++) {
        double sx = Math.signum(x[a] - x[b]);
        double sy = Math.signum(y[a] - y[b]);
        s += (long) (sx * sy);
        untiedX += sx != 0 ? 1 : 0;
        untiedY += sy != 0 ? 1 : 0;
      }
    }
    return untiedX == 0 || untiedY == 0 ? Double.NaN : s / Math.sqrt((double) untiedX * untiedY);
  }
}
