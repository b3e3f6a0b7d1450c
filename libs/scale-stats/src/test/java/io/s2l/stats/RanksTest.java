package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RanksTest {

  @Test
  void tiesGetTheirAverageRank() {
    // scipy 1.17.1: stats.rankdata([1, 2, 2, 3, 4, 4, 4, 5, 6, 6], method='average')
    assertThat(Ranks.average(GoldenData.TIES_X))
        .containsExactly(1.0, 2.5, 2.5, 4.0, 6.0, 6.0, 6.0, 8.0, 9.5, 9.5);
    // scipy 1.17.1: stats.rankdata([1.5, 1.0, 2.5, 2.5, 4.0, 3.0, 4.0, 5.5, 5.5, 7.0],
    //     method='average')
    assertThat(Ranks.average(GoldenData.TIES_Y))
        .containsExactly(2.0, 1.0, 3.5, 3.5, 6.5, 5.0, 6.5, 8.5, 8.5, 10.0);
  }

  @Test
  void negativeZeroTiesWithZeroAndInputIsNotModified() {
    double[] x = {0.0, -1.0, -0.0, 2.0};
    assertThat(Ranks.average(x)).containsExactly(2.5, 1.0, 2.5, 4.0);
    assertThat(x).containsExactly(0.0, -1.0, -0.0, 2.0);
  }

  @Test
  void constantAndEmptySamples() {
    assertThat(Ranks.average(new double[] {7, 7, 7})).containsExactly(2.0, 2.0, 2.0);
    assertThat(Ranks.average(new double[0])).isEmpty();
  }

  @Test
  void rejectsNonFiniteValues() {
    assertThatThrownBy(() -> Ranks.average(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x[1] is NaN");
  }
}
