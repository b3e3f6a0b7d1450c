package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentileTest {

  private static final double[] P = {3.1, -2.0, 7.25, 0.5, 0.5, 10.0, 4.4};

  // numpy 2.4.6: np.percentile([3.1, -2.0, 7.25, 0.5, 0.5, 10.0, 4.4], q)
  @ParameterizedTest(name = "P_{0} = {1}")
  @CsvSource({
    "0, -2.0",
    "2.5, -1.625",
    "25, 0.5",
    "50, 3.1",
    "62.5, 4.075",
    "97.5, 9.587499999999999",
    "100, 10.0"
  })
  void matchesNumpyPercentile(double percent, double expected) {
    assertThat(Percentile.linear(P, percent)).isCloseTo(expected, REL_1E9);
  }

  @Test
  void leavesInputUnsortedAndHandlesOneValue() {
    double[] values = P.clone();
    Percentile.linear(values, 50);
    assertThat(values).containsExactly(P);
    assertThat(Percentile.linear(new double[] {4.2}, 30)).isEqualTo(4.2);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Percentile.linear(new double[0], 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no values");
    assertThatThrownBy(() -> Percentile.linear(P, 100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 100]");
    assertThatThrownBy(() -> Percentile.linear(new double[] {1, Double.NaN}, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("values[1] is NaN");
  }
}
