package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {

  @Test
  void extendsALinearRangeToNiceTicksInStepsOf1Or2Or5() {
    Axis axis = Axis.linear(new Range(0.013, 0.97), true, 0);
    assertThat(axis.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    assertThat(axis.labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    assertThat(axis.lo()).isEqualTo(0.0);
    assertThat(axis.hi()).isEqualTo(1.0);
  }

  @Test
  void picksTheSmallestStepGivingAtMostAboutFiveIntervals() {
    assertThat(Ticks.niceStep(1)).isEqualTo(new Ticks.Step(2, -1));
    assertThat(Ticks.niceStep(0.957)).isEqualTo(new Ticks.Step(2, -1));
    assertThat(Ticks.niceStep(12)).isEqualTo(new Ticks.Step(5, 0));
    assertThat(Ticks.niceStep(3.1)).isEqualTo(new Ticks.Step(1, 0));
    assertThat(Ticks.niceStep(40_000)).isEqualTo(new Ticks.Step(1, 4));
    assertThat(Ticks.niceStep(7e-5)).isEqualTo(new Ticks.Step(2, -5));
  }

  @Test
  void tickValuesAreExactDecimals() {
    assertThat(Ticks.extended(2.91, 3.44, Ticks.niceStep(3.44 - 2.91)))
        .containsExactly(2.8, 3.0, 3.2, 3.4, 3.6);
    assertThat(Ticks.inside(-0.33, 0.41, new Ticks.Step(2, -1)))
        .containsExactly(-0.2, 0.0, 0.2, 0.4);
  }

  @Test
  void labelsLargeValuesWithSuffixesAndTinyOnesScientifically() {
    assertThat(Axis.linear(new Range(0, 98_000), true, 0).labels())
        .containsExactly("0", "20k", "40k", "60k", "80k", "100k");
    assertThat(Axis.linear(new Range(0, 3.4e9), true, 0).labels())
        .containsExactly("0", "1B", "2B", "3B", "4B");
    assertThat(Axis.linear(new Range(1e-7, 4.5e-7), true, 0).labels())
        .containsExactly("1e-7", "2e-7", "3e-7", "4e-7", "5e-7");
    assertThat(Axis.linear(new Range(-12, 7), true, 0).labels())
        .containsExactly("-15", "-10", "-5", "0", "5", "10");
  }

  @Test
  void countAxesStepByWholeNumbers() {
    Axis axis = Axis.linear(new Range(0, 2), true, 1);
    assertThat(axis.ticks()).containsExactly(0.0, 1.0, 2.0);
    assertThat(axis.labels()).containsExactly("0", "1", "2");
  }

  @Test
  void logTicksArePowersOfTenInsideTheRange() {
    assertThat(Ticks.log(3, 5000)).containsExactly(10.0, 100.0, 1000.0);
    Axis axis = Axis.log(new Range(3, 5000));
    assertThat(axis.labels()).containsExactly("10", "100", "1k");
    assertThat(axis.minor()).contains(3.0, 4.0, 20.0, 5000.0).doesNotContain(10.0, 2.0, 6000.0);
    assertThat(Axis.log(new Range(1e-3, 2e4)).labels())
        .containsExactly("0.001", "0.01", "0.1", "1", "10", "100", "1k", "10k");
  }

  @Test
  void thinsLogTicksOverManyDecades() {
    assertThat(Ticks.log(1e-6, 1e12)).containsExactly(1e-6, 1e-3, 1.0, 1e3, 1e6, 1e9, 1e12);
    assertThat(Axis.log(new Range(1e-6, 1e12)).labels())
        .containsExactly("1e-6", "0.001", "1", "1k", "1M", "1B", "1T");
  }

  @Test
  void narrowLogRangesFallBackTo1Or2Or5MultiplesThenToLinearTicks() {
    assertThat(Ticks.log(15, 60)).containsExactly(20.0, 50.0);
    assertThat(Ticks.log(0.5, 3)).containsExactly(0.5, 1.0, 2.0);
    assertThat(Ticks.log(3, 8)).containsExactly(3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    assertThat(Axis.log(new Range(100, 100).paddedLog()).labels())
        .containsExactly("50", "100", "200");
  }

  @Test
  void zeroWidthRangesArePadded() {
    assertThat(new Range(2, 2).padded()).isEqualTo(new Range(1.8, 2.2));
    assertThat(new Range(0, 0).padded()).isEqualTo(new Range(-1, 1));
    assertThat(new Range(1, 3).padded()).isEqualTo(new Range(1, 3));
    assertThat(Range.EMPTY.with(Double.NaN).isEmpty()).isTrue();
  }
}
