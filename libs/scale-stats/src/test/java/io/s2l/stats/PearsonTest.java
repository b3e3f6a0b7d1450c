package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * {@link Correlation#pearson}; golden values: python 3.11.7, scipy 1.17.1
 * (src/test/resources/golden).
 */
class PearsonTest {
  @Test
  void tiesInXAndY() {
    // scipy 1.17.1: stats.pearsonr(TIES_X, TIES_Y).statistic
    assertThat(Correlation.pearson(GoldenData.TIES_X, GoldenData.TIES_Y))
        .isCloseTo(0.9349764712832884, REL_1E9);
  }

  @Test
  void negativeCorrelation() {
    // scipy 1.17.1: stats.pearsonr(NEG_X, NEG_Y).statistic
    assertThat(Correlation.pearson(GoldenData.NEG_X, GoldenData.NEG_Y))
        .isCloseTo(-0.9820826110272969, REL_1E9);
  }

  @Test
  void threePoints() {
    // scipy 1.17.1: stats.pearsonr([2.0, 1.0, 3.0], [1.0, 3.0, 2.0]).statistic
    assertThat(Correlation.pearson(GoldenData.N3_X, GoldenData.N3_Y))
        .isCloseTo(-0.4999999999999999, REL_1E9);
  }

  @Test
  void thousandSmoothPoints() {
    // scipy 1.17.1: stats.pearsonr(SX, SY).statistic
    assertThat(Correlation.pearson(GoldenData.smoothX(), GoldenData.smoothY()))
        .isCloseTo(0.8344194550161529, REL_1E9);
  }

  @Test
  void thousandTiedPoints() {
    // scipy 1.17.1: stats.pearsonr(TX, TY).statistic
    assertThat(Correlation.pearson(GoldenData.tiedX(), GoldenData.tiedY()))
        .isCloseTo(0.8834782903993738, REL_1E9);
  }

  @Test
  void invariantToHugeOffsetsAndScales() {
    // Exact property: r is invariant under x -> a x + b (a > 0). Centring first keeps it so for
    // a large offset (only the rounding of 1e6 + x_i is lost, ~1e-10 absolute) ...
    double[] shifted = new double[GoldenData.NEG_X.length];
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] = 1e6 + GoldenData.NEG_X[i];
    }
    assertThat(Correlation.pearson(shifted, GoldenData.NEG_Y))
        .isCloseTo(-0.9820826110272969, withinPercentage(1e-6));
    // ... and scaling the deviations keeps squares of 1e-300 and 1e300 from under/overflowing.
    double[] tiny = {1e-300, 2e-300, 4e-300};
    double[] huge = {1e300, 2e300, 4e300};
    assertThat(Correlation.pearson(tiny, huge)).isCloseTo(1.0, REL_1E9);
  }
}
