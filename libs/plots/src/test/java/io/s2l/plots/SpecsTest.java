package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecsTest {

  @Test
  void specsCopyTheirInputs() {
    List<Point> points = new ArrayList<>(List.of(new Point(1, 2)));
    double[] low = {1.5};
    Series series = new Series("a", points, low, null);
    points.add(new Point(3, 4));
    low[0] = 99;
    assertThat(series.points()).hasSize(1);
    assertThat(series.low()).containsExactly(1.5);
    series.low()[0] = 42;
    assertThat(series.low()).containsExactly(1.5);
  }

  @Test
  void arrayComponentsCompareByContent() {
    assertThat(new Series("a", List.of(), new double[] {1}, null))
        .isEqualTo(new Series("a", List.of(), new double[] {1}, null))
        .hasSameHashCodeAs(new Series("a", List.of(), new double[] {1}, null));
    assertThat(new HistogramSpec("t", "x", new double[] {0, 1}, new long[] {3}))
        .isEqualTo(new HistogramSpec("t", "x", new double[] {0, 1}, new long[] {3}))
        .isNotEqualTo(new HistogramSpec("t", "x", new double[] {0, 1}, new long[] {4}));
  }

  @Test
  void nullListsBecomeEmpty() {
    assertThat(new ScatterSpec(null, null, null, null, null, false).points()).isEmpty();
    assertThat(new LineSpec(null, null, null, false, null, null).series()).isEmpty();
    assertThat(new Series(null, null).points()).isEmpty();
  }
}
