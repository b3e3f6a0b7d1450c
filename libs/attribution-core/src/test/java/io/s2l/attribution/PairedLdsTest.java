package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.s2l.stats.Interval;
import org.junit.jupiter.api.Test;

class PairedLdsTest {

  private static Lds lds(double... perTarget) {
    int undefined = 0;
    for (double v : perTarget) {
      undefined += Double.isNaN(v) ? 1 : 0;
    }
    return new Lds(perTarget, 0, new Interval(0, 0), undefined);
  }

  @Test
  void isTheMeanDifferenceOverTargetsWhereBothAreDefined() {
    Lds a = lds(0.5, 0.2, Double.NaN, 0.9, 0.1);
    Lds b = lds(0.4, Double.NaN, 0.3, 0.6, 0.3);
    PairedLds.Difference d = PairedLds.of(a, b, 1);
    // targets 0, 3, 4: (0.1 + 0.3 - 0.2) / 3
    assertThat(d.difference()).isCloseTo(0.2 / 3, within(1e-12));
    assertThat(d.targets()).isEqualTo(3);
    assertThat(d.ci95().low()).isLessThanOrEqualTo(d.difference());
    assertThat(d.ci95().high()).isGreaterThanOrEqualTo(d.difference());
    assertThat(d.ci95().low()).isGreaterThanOrEqualTo(-0.2 - 1e-12);
    assertThat(d.ci95().high()).isLessThanOrEqualTo(0.3 + 1e-12);
  }

  @Test
  void aShiftedAttributionHasAZeroWidthInterval() {
    // the same resample for both: the varying per-target LDS cancel, only the shift remains
    Lds b = lds(0.1, 0.7, -0.3, 0.5, 0.2, 0.9);
    Lds a = lds(0.15, 0.75, -0.25, 0.55, 0.25, 0.95);
    PairedLds.Difference d = PairedLds.of(a, b, 7);
    assertThat(d.difference()).isCloseTo(0.05, within(1e-12));
    assertThat(d.ci95().low()).isCloseTo(0.05, within(1e-12));
    assertThat(d.ci95().high()).isCloseTo(0.05, within(1e-12));
  }

  @Test
  void isNaNWithoutACommonDefinedTarget() {
    PairedLds.Difference d = PairedLds.of(lds(Double.NaN, 0.1), lds(0.2, Double.NaN), 1);
    assertThat(d.difference()).isNaN();
    assertThat(d.targets()).isZero();
  }
}
