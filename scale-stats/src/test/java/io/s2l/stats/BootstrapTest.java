package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
