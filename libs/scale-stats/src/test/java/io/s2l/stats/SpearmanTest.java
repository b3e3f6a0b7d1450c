package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Correlation#spearman}; golden values: python 3.11.7, scipy 1.17.1
 * (src/test/resources/golden).
 */
class SpearmanTest {
  @Test
  void tiesInXAndY() {
    // scipy 1.17.1: stats.spearmanr(TIES_X, TIES_Y).statistic
    assertThat(Correlation.spearman(GoldenData.TIES_X, GoldenData.TIES_Y))
        .isCloseTo(0.9533126619564753, REL_1E9);
  }

  @Test
  void negativeCorrelation() {
    // scipy 1.17.1: stats.spearmanr(NEG_X, NEG_Y).statistic
    assertThat(Correlation.spearman(GoldenData.NEG_X, GoldenData.NEG_Y))
        .isCloseTo(-0.9285714285714288, REL_1E9);
  }

  @Test
  void threePoints() {
    // scipy 1.17.1: stats.spearmanr([2.0, 1.0, 3.0], [1.0, 3.0, 2.0]).statistic
    assertThat(Correlation.spearman(GoldenData.N3_X, GoldenData.N3_Y)).isCloseTo(-0.5, REL_1E9);
  }

  @Test
  void thousandPoints() {
    // scipy 1.17.1: stats.spearmanr(SX, SY).statistic
    assertThat(Correlation.spearman(GoldenData.smoothX(), GoldenData.smoothY()))
        .isCloseTo(0.8394060234060234, REL_1E9);
    // scipy 1.17.1: stats.spearmanr(TX, TY).statistic
    assertThat(Correlation.spearman(GoldenData.tiedX(), GoldenData.tiedY()))
        .isCloseTo(0.889219110266497, REL_1E9);
  }
}
