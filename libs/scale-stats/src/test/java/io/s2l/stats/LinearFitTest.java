package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden values: python 3.11.7, scipy 1.17.1 (see src/test/resources/golden/README.md). */
class LinearFitTest {

  @Test
  void tiesInXAndY() {
    // scipy 1.17.1: r = stats.linregress(TIES_X, TIES_Y); r.slope, r.intercept, r.rvalue**2
    LinearFit fit = LinearFit.of(GoldenData.TIES_X, GoldenData.TIES_Y);
    assertThat(fit.slope()).isCloseTo(1.0517241379310345, REL_1E9);
    assertThat(fit.intercept()).isCloseTo(-0.24137931034482785, REL_1E9);
    assertThat(fit.r2()).isCloseTo(0.8741810018533502, REL_1E9);
  }

  @Test
  void negativeSlope() {
    // scipy 1.17.1: r = stats.linregress(NEG_X, NEG_Y); r.slope, r.intercept, r.rvalue**2
    LinearFit fit = LinearFit.of(GoldenData.NEG_X, GoldenData.NEG_Y);
    assertThat(fit.slope()).isCloseTo(-2.0818395984840725, REL_1E9);
    assertThat(fit.intercept()).isCloseTo(3.9577186462006706, REL_1E9);
    assertThat(fit.r2()).isCloseTo(0.9644862548821929, REL_1E9);
  }

  @Test
  void threePoints() {
    // scipy 1.17.1: r = stats.linregress([2.0, 1.0, 3.0], [1.0, 3.0, 2.0]);
    //     r.slope, r.intercept, r.rvalue**2
    LinearFit fit = LinearFit.of(GoldenData.N3_X, GoldenData.N3_Y);
    assertThat(fit.slope()).isCloseTo(-0.5, REL_1E9);
    assertThat(fit.intercept()).isCloseTo(3.0, REL_1E9);
    assertThat(fit.r2()).isCloseTo(0.25, REL_1E9);
  }

  @Test
  void thousandPoints() {
    // scipy 1.17.1: r = stats.linregress(SX, SY); r.slope, r.intercept, r.rvalue**2
    LinearFit fit = LinearFit.of(GoldenData.smoothX(), GoldenData.smoothY());
    assertThat(fit.slope()).isCloseTo(0.5696575630527577, REL_1E9);
    assertThat(fit.intercept()).isCloseTo(0.006684065274782602, REL_1E9);
    assertThat(fit.r2()).isCloseTo(0.6962558269094536, REL_1E9);
  }

  @Test
  void r2IsThePearsonCoefficientSquared() {
    double[] x = GoldenData.tiedX();
    double[] y = GoldenData.tiedY();
    double r = Correlation.pearson(x, y);
    assertThat(LinearFit.of(x, y).r2()).isEqualTo(r * r);
  }

  @Test
  void exactLineIsRecovered() {
    // Closed form: y = 2 - 0.5 x exactly.
    LinearFit fit = LinearFit.of(new double[] {0, 2, 4, 6}, new double[] {2, 1, 0, -1});
    assertThat(fit.slope()).isEqualTo(-0.5);
    assertThat(fit.intercept()).isEqualTo(2.0);
    assertThat(fit.r2()).isEqualTo(1.0);
    assertThat(fit.predict(8)).isEqualTo(-2.0);
  }

  @Test
  void constantXHasNoLine() {
    LinearFit fit = LinearFit.of(new double[] {3, 3, 3}, new double[] {1, 2, 3});
    assertThat(fit.slope()).isNaN();
    assertThat(fit.intercept()).isNaN();
    assertThat(fit.r2()).isNaN();
  }

  @Test
  void constantYIsAFlatLineWithUndefinedR2() {
    LinearFit fit = LinearFit.of(new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1});
    assertThat(fit.slope()).isEqualTo(0.0);
    assertThat(fit.intercept()).isEqualTo(0.1);
    assertThat(fit.r2()).isNaN();
  }
}
