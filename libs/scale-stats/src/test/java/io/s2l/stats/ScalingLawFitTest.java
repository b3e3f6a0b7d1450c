package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Golden values: python 3.11.7, numpy 2.4.6, scipy 1.17.1, {@code scipy.optimize.curve_fit(f, C /
 * C.min(), L, p0=(L.min() / 2, L.max() - L.min(), 0.5), bounds=([0, 0, 0], [inf, inf, 2]),
 * method="trf", ftol=1e-15, xtol=1e-15, gtol=1e-15, max_nfev=100000)} with f(x, E, A, alpha) = E +
 * A x^(-alpha) (script and output in src/test/resources/golden/README.md, "Scaling-law fit").
 * Predictions at the extrapolation target agree to 1e-6 relative; parameters to 1e-5 relative where
 * the fit identifies them.
 */
class ScalingLawFitTest {

  private static final Percentage PREDICTION = Percentage.withPercentage(1e-4); // 1e-6 relative
  private static final Percentage PARAMETER = Percentage.withPercentage(1e-3); // 1e-5 relative

  @Test
  void interiorOptimum() {
    ScalingLawFit fit =
        ScalingLawFit.of(
            new double[] {1e15, 4e15, 1.6e16, 6.4e16}, new double[] {3.90, 3.52, 3.27, 3.12});
    assertThat(fit.predict(2.56e17)).isCloseTo(3.0197518137183836, PREDICTION);
    assertThat(fit.e()).isCloseTo(2.8471844062919045, PARAMETER);
    assertThat(fit.a()).isCloseTo(1.053448572588402, PARAMETER);
    assertThat(fit.alpha()).isCloseTo(0.3262359963348572, PARAMETER);
    assertThat(fit.rss()).isCloseTo(2.2355798785063246e-05, PARAMETER);
    assertThat(fit.computeUnit()).isEqualTo(1e15);
  }

  @Test
  void exponentOnItsUpperBound() {
    ScalingLawFit fit =
        ScalingLawFit.of(
            new double[] {1e18, 2e18, 4e18, 8e18}, new double[] {6.0, 2.9, 2.25, 2.06});
    assertThat(fit.alpha()).isEqualTo(ScalingLawFit.MAX_ALPHA);
    assertThat(fit.predict(3.2e19)).isCloseTo(1.9735222782871347, PREDICTION);
    assertThat(fit.e()).isCloseTo(1.969601990022495, PARAMETER);
    assertThat(fit.a()).isCloseTo(4.014375182991074, PARAMETER);
    assertThat(fit.rss()).isCloseTo(0.007250395083406512, PARAMETER);
  }

  @Test
  void asymptoteOnItsLowerBound() {
    // Unbounded, these points want E < 0 (they were made as -1 + 4 x^-0.1 and rounded).
    ScalingLawFit fit =
        ScalingLawFit.of(
            new double[] {1e15, 2e15, 4e15, 8e15}, new double[] {3.0, 2.732, 2.482, 2.249});
    assertThat(fit.e()).isEqualTo(0.0);
    assertThat(fit.predict(6.4e16)).isCloseTo(1.689662387021408, PREDICTION);
    assertThat(fit.a()).isCloseTo(3.0029269542697707, PARAMETER);
    assertThat(fit.alpha()).isCloseTo(0.13827239548255435, PARAMETER);
    assertThat(fit.rss()).isCloseTo(4.18188515301333e-05, PARAMETER);
  }

  @Test
  void threePointsOfAnExactLawAreRecovered() {
    // Closed form: L = 2 + 3 (C / 1e16)^(-1/2), three parameters through three points.
    double[] compute = {1e16, 1e17, 1e18};
    double[] loss = {5, 2 + 3 / Math.sqrt(10), 2 + 3 / Math.sqrt(100)};
    ScalingLawFit fit = ScalingLawFit.of(compute, loss);
    assertThat(fit.e()).isCloseTo(2, within(1e-6));
    assertThat(fit.a()).isCloseTo(3, within(1e-6));
    assertThat(fit.alpha()).isCloseTo(0.5, within(1e-6));
    // scipy 1.17.1 (same call): 2.094868329805051; closed form 2 + 3 / sqrt(1000)
    assertThat(fit.predict(1e19)).isCloseTo(2.094868329805051, PREDICTION);
    assertThat(fit.rss()).isLessThan(1e-20);
  }

  @Test
  void lossRisingWithComputeGivesTheFlatMean() {
    // A = 0 is the best the bounds allow; alpha then has no effect and the smallest (0) is kept.
    // scipy 1.17.1 (same call): E = 3.0875, A = 2.6e-24, prediction 3.0875000000000004.
    ScalingLawFit fit =
        ScalingLawFit.of(
            new double[] {1e15, 3e15, 9e15, 2.7e16}, new double[] {3.0, 3.1, 3.05, 3.2});
    assertThat(fit.a()).isEqualTo(0.0);
    assertThat(fit.alpha()).isEqualTo(0.0);
    assertThat(fit.e()).isCloseTo(3.0875, within(1e-15));
    assertThat(fit.predict(1e17)).isCloseTo(3.0875000000000004, PREDICTION);
    assertThat(fit.rss()).isCloseTo(0.021875000000000054, PARAMETER);
  }

  @Test
  void pointsMayComeInAnyOrder() {
    // RSS is flat to second order at its minimum, so rounding moves alpha by about sqrt(1e-16).
    ScalingLawFit sorted =
        ScalingLawFit.of(
            new double[] {1e15, 4e15, 1.6e16, 6.4e16}, new double[] {3.90, 3.52, 3.27, 3.12});
    ScalingLawFit shuffled =
        ScalingLawFit.of(
            new double[] {1.6e16, 1e15, 6.4e16, 4e15}, new double[] {3.27, 3.90, 3.12, 3.52});
    assertThat(shuffled.predict(2.56e17)).isCloseTo(sorted.predict(2.56e17), within(1e-8));
  }

  @Test
  void refusesTooFewDistinctComputeValues() {
    assertThatThrownBy(
            () -> ScalingLawFit.of(new double[] {1e15, 1e15, 2e15}, new double[] {3, 2.9, 2.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 distinct compute values");
    assertThatThrownBy(() -> ScalingLawFit.of(new double[] {1e15, 2e15}, new double[] {3, 2.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3");
  }

  @Test
  void refusesNonPositiveCompute() {
    assertThatThrownBy(
            () -> ScalingLawFit.of(new double[] {0, 1e15, 2e15}, new double[] {3, 2.9, 2.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
