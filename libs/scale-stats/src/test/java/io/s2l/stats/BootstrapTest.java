package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private final double[] x = GoldenData.NEG_X;
  private final double[] y = GoldenData.NEG_Y;

  @Test
  void sameSeedGivesTheSameInterval() {
    Interval first = new Bootstrap(500, 42L).interval(x, y, Correlation::spearman, 0.95);
    Interval second = new Bootstrap(500, 42L).interval(x, y, Correlation::spearman, 0.95);
    assertThat(second).isEqualTo(first);
    assertThat(new Bootstrap(500, 42L).replicates(x, y, Correlation::spearman))
        .containsExactly(new Bootstrap(500, 42L).replicates(x, y, Correlation::spearman));
  }

  @Test
  void anotherSeedDrawsOtherResamples() {
    assertThat(new Bootstrap(200, 1L).replicates(x, y, Correlation::pearson))
        .isNotEqualTo(new Bootstrap(200, 2L).replicates(x, y, Correlation::pearson));
  }

  @Test
  void intervalContainsThePointEstimateOfAStronglyCorrelatedSample() {
    double[] sx = GoldenData.smoothX();
    double[] sy = GoldenData.smoothY();
    Interval interval = Bootstrap.withSeed(7L).interval(sx, sy, Correlation::pearson, 0.95);
    double estimate = Correlation.pearson(sx, sy);
    assertThat(interval.contains(estimate)).isTrue();
    assertThat(interval.high() - interval.low()).isBetween(0.0, 0.1);
  }

  @Test
  void boundsAreLinearPercentilesOfTheReplicates() {
    Bootstrap bootstrap = new Bootstrap(300, 11L);
    double[] replicates = bootstrap.replicates(x, y, Correlation::kendallTauB);
    Interval interval = bootstrap.interval(x, y, Correlation::kendallTauB, 0.9);
    assertThat(interval.low()).isEqualTo(Percentile.linear(replicates, 5));
    assertThat(interval.high()).isEqualTo(Percentile.linear(replicates, 95));
  }

  @Test
  void nanReplicatesAreSkipped() {
    // A resample made of one repeated pair has zero variance, so its Pearson r is NaN.
    double[] three = {1, 2, 3};
    Bootstrap bootstrap = new Bootstrap(2000, 3L);
    double[] replicates = bootstrap.replicates(three, three, Correlation::pearson);
    // P(all three draws equal) = 3 / 27, so about 222 of 2000 resamples are dropped.
    assertThat(replicates.length).isBetween(1600, 1950);
    assertThat(Arrays.stream(replicates).noneMatch(Double::isNaN)).isTrue();
    // Every kept resample is perfectly correlated (up to rounding).
    Interval interval = bootstrap.interval(three, three, Correlation::pearson, 0.95);
    assertThat(interval.low()).isCloseTo(1.0, GoldenData.REL_1E9);
    assertThat(interval.high()).isCloseTo(1.0, GoldenData.REL_1E9);
  }

  @Test
  void allNaNReplicatesGiveAnUndefinedInterval() {
    Interval interval = new Bootstrap(50, 5L).interval(x, y, (a, b) -> Double.NaN, 0.95);
    assertThat(interval.isDefined()).isFalse();
    assertThat(interval.contains(0.0)).isFalse();
  }

  @Test
  void meanIntervalIsTheIntervalOfTheMeanWithTheSameDraws() {
    double[] values = GoldenData.smoothX();
    Bootstrap bootstrap = new Bootstrap(300, 8L);
    Interval expected = bootstrap.interval(values, values, (a, b) -> Samples.mean(a), 0.95);
    // Same draws; the sums are added in another order, hence rounding differences only.
    Interval actual = bootstrap.meanInterval(values, 0.95);
    assertThat(actual.low()).isCloseTo(expected.low(), within(1e-12));
    assertThat(actual.high()).isCloseTo(expected.high(), within(1e-12));
    assertThat(new Bootstrap(5, 1L).meanInterval(new double[] {2.5}, 0.95))
        .isEqualTo(new Interval(2.5, 2.5));
    assertThatThrownBy(() -> bootstrap.meanInterval(new double[0], 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot bootstrap the mean of no values");
  }

  @Test
  void multiplicitiesAreTheMultisetsThatReplicatesMaterialises() {
    Bootstrap bootstrap = new Bootstrap(50, 4L);
    // Encode each materialised resample by its multiplicities: x_j = j.
    double[] index = {0, 1, 2, 3, 4, 5, 6};
    List<String> materialised = new ArrayList<>();
    bootstrap.replicates(
        index,
        index,
        (xs, ys) -> {
          int[] counts = new int[index.length];
          for (double v : xs) {
            counts[(int) v]++;
          }
          materialised.add(Arrays.toString(counts));
          return 0;
        });
    int[][] counts = bootstrap.multiplicities(index.length);
    List<String> columns = new ArrayList<>();
    for (int b = 0; b < 50; b++) {
      int[] column = new int[index.length];
      for (int j = 0; j < index.length; j++) {
        column[j] = counts[j][b];
      }
      assertThat(Arrays.stream(column).sum()).isEqualTo(index.length);
      columns.add(Arrays.toString(column));
    }
    assertThat(columns).isEqualTo(materialised);
  }

  @Test
  void percentileIntervalSkipsNaNAndLeavesItsInputAlone() {
    double[] replicates = {4, Double.NaN, 1, 3, 2};
    Interval interval = Bootstrap.percentileInterval(replicates, 0.5);
    // numpy 2.4.6: np.percentile([1, 2, 3, 4], [25, 75]) = [1.75, 3.25]
    assertThat(interval).isEqualTo(new Interval(1.75, 3.25));
    assertThat(replicates[0]).isEqualTo(4);
    assertThat(Bootstrap.percentileInterval(new double[] {Double.NaN}, 0.5).isDefined()).isFalse();
  }

  @Test
  void rejectsBadConfiguration() {
    assertThatThrownBy(() -> new Bootstrap(0, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resamples must be at least 1, got 0");
    assertThatThrownBy(() -> new Bootstrap(10, 1L).interval(x, y, Correlation::pearson, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> new Interval(2.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
  }
}
