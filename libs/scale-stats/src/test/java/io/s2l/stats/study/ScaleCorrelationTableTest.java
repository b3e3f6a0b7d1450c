package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleCorrelationTableTest {

  static final List<String> DISTRIBUTIONS = List.of("a", "b", "c", "d");

  @Test
  void seedsAreAveragedBeforeCorrelatingAndTheComputeRatioIsReferenceOverProxy() {
    List<RunLoss> runs = new ArrayList<>();
    double[] reference = {2.0, 2.5, 3.0, 4.0};
    for (int k = 0; k < 4; k++) {
      String d = DISTRIBUTIONS.get(k);
      runs.add(new RunLoss("big", d, 0, "set", reference[k], 1000, 6e9));
      // proxy = 2 * reference + 1 on average over two seeds, with +-0.3 seed noise
      runs.add(new RunLoss("small", d, 0, "set", 2 * reference[k] + 1 + 0.3, 100, 6e7));
      runs.add(new RunLoss("small", d, 1, "set", 2 * reference[k] + 1 - 0.3, 100, 6e7));
    }

    List<ScaleCorrelationRow> rows =
        ScaleCorrelationTable.compute(
            runs, List.of("small", "big"), "big", DISTRIBUTIONS, List.of("set"));

    assertThat(rows).hasSize(1);
    ScaleCorrelationRow row = rows.get(0);
    assertThat(row.proxyLosses()).containsExactly(5.0, 6.0, 7.0, 9.0);
    // y = (x - 1) / 2 exactly: a perfect positive line
    assertThat(row.statistics().pearsonR())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(row.statistics().slope()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(row.statistics().intercept())
        .isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(row.computeRatio()).isEqualTo(100.0);
    assertThat(row.proxyParams()).isEqualTo(100);
    assertThat(row.referenceParams()).isEqualTo(1000);
  }

  @Test
  void aMissingRunIsReportedByName() {
    List<RunLoss> runs =
        List.of(
            new RunLoss("big", "a", 0, "set", 1, 10, 1),
            new RunLoss("small", "a", 0, "set", 1, 1, 1));
    assertThatThrownBy(
            () ->
                ScaleCorrelationTable.compute(
                    runs, List.of("small", "big"), "big", List.of("a", "b", "c"), List.of("set")))
        .hasMessageContaining("no run of scale small on b evaluated on set");
  }
}
