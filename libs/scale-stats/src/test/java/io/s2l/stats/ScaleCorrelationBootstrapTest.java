package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass, multiplicity-weighted bootstrap against the materialising {@link
 * Bootstrap#interval} with the plain statistics: same seed, same resamples, so the intervals agree
 * exactly for the pair-count statistics and up to rounding for the others.
 */
class ScaleCorrelationBootstrapTest {

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("ties", GoldenData.TIES_X, GoldenData.TIES_Y),
        Arguments.of("negative", GoldenData.NEG_X, GoldenData.NEG_Y),
        Arguments.of("n3", GoldenData.N3_X, GoldenData.N3_Y),
        Arguments.of("tied1000", GoldenData.tiedX(), GoldenData.tiedY()),
        Arguments.of("constant y", new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5}));
  }

  private static final List<ToDoubleBiFunction<double[], double[]>> PLAIN =
      List.of(
          Correlation::pearson,
          (x, y) -> LinearFit.of(x, y).r2(),
          (x, y) -> LinearFit.of(x, y).slope(),
          (x, y) -> LinearFit.of(x, y).intercept(),
          Correlation::spearman,
          Correlation::kendallTauB,
          DecisionAccuracy::of);

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void matchesTheMaterialisingBootstrapStatisticByStatistic(String name, double[] x, double[] y) {
    Bootstrap bootstrap = new Bootstrap(x.length > 100 ? 60 : 400, 31L);
    Map<String, Interval> intervals = ScaleCorrelationBootstrap.intervals(x, y, bootstrap, 0.9);
    assertThat(intervals.keySet()).containsExactlyElementsOf(ScaleCorrelationBootstrap.STATISTICS);
    for (int s = 0; s < PLAIN.size(); s++) {
      String statistic = ScaleCorrelationBootstrap.STATISTICS.get(s);
      Interval expected = bootstrap.interval(x, y, PLAIN.get(s), 0.9);
      Interval actual = intervals.get(statistic);
      assertThat(actual.isDefined()).as(statistic).isEqualTo(expected.isDefined());
      if (statistic.equals("kendall") || statistic.equals("decisionAccuracy")) {
        assertThat(actual).as(statistic).isEqualTo(expected);
      } else if (expected.isDefined()) {
        assertThat(actual.low()).as(statistic).isCloseTo(expected.low(), within(1e-12));
        assertThat(actual.high()).as(statistic).isCloseTo(expected.high(), within(1e-12));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void countsTheResamplesEachStatisticDrops(String name, double[] x, double[] y) {
    Bootstrap bootstrap = new Bootstrap(x.length > 100 ? 60 : 400, 31L);
    BootstrapIntervals result = ScaleCorrelationBootstrap.of(x, y, bootstrap, 0.9);
    assertThat(result.intervals())
        .isEqualTo(ScaleCorrelationBootstrap.intervals(x, y, bootstrap, 0.9));
    assertThat(result.dropped().keySet())
        .containsExactlyElementsOf(ScaleCorrelationBootstrap.STATISTICS);
    for (int s = 0; s < PLAIN.size(); s++) {
      String statistic = ScaleCorrelationBootstrap.STATISTICS.get(s);
      // The materialising replicates leave the NaN ones out.
      int kept = bootstrap.replicates(x, y, PLAIN.get(s)).length;
      assertThat(result.dropped().get(statistic))
          .as(statistic)
          .isEqualTo(bootstrap.resamples() - kept);
    }
  }

  @Test
  void dropsAboutOneResampleInNineOfThreeDistinctPoints() {
    // A resample of 3 points is constant when it draws one point 3 times: 3 / 3^3 = 1/9.
    BootstrapIntervals result =
        ScaleCorrelationBootstrap.of(
            GoldenData.N3_X, GoldenData.N3_Y, new Bootstrap(9000, 5L), 0.95);
    int kendall = result.dropped().get("kendall");
    assertThat(kendall).isCloseTo(1000, within(4 * (int) Math.sqrt(9000 / 9.0 * 8 / 9)));
    assertThat(result.dropped().get("decisionAccuracy")).isEqualTo(kendall);
    assertThat(result.dropped().get("spearman")).isEqualTo(kendall);
  }

  @Test
  void rejectsInvalidInput() {
    Bootstrap bootstrap = new Bootstrap(10, 1L);
    assertThatThrownBy(
            () ->
                ScaleCorrelationBootstrap.intervals(
                    new double[] {1, 2}, new double[] {1, 2}, bootstrap, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least 3 paired points are required, got 2");
    assertThatThrownBy(
            () ->
                ScaleCorrelationBootstrap.intervals(
                    GoldenData.NEG_X, GoldenData.NEG_Y, bootstrap, 0))
        .hasMessage("level must be in (0, 1), got 0.0");
  }
}
