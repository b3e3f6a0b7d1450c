package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
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
  void selectionGivesTheQuantilesOfTheSortedSample() {
    SplittableRandom random = new SplittableRandom(5L);
    double[] levels = {0, 0.025, 0.05, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 0.95, 0.975, 1};
    for (int n : new int[] {1, 2, 3, 10, 101, 1000}) {
      for (int distinct : new int[] {1, 3, 1_000_000}) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = random.nextInt(distinct) * 0.5 - 7;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] selected = Percentile.linearInPlace(values, levels);
        for (int p = 0; p < levels.length; p++) {
          assertThat(selected[p])
              .as("n=%d distinct=%d q=%s", n, distinct, levels[p])
              .isEqualTo(Percentile.linearOfSorted(sorted, levels[p]));
        }
      }
    }
    // numpy 2.4.6: np.quantile([3.1, -2.0, 7.25, 0.5, 0.5, 10.0, 4.4], [0.025, 0.625])
    assertThat(Percentile.linearInPlace(P.clone(), 0.025, 0.625)).containsExactly(-1.625, 4.075);
    assertThatThrownBy(() -> Percentile.linearInPlace(P.clone(), 0.5, 0.25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantile levels must ascend within [0, 1], got 0.25");
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
