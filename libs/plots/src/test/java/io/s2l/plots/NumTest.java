package io.s2l.plots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumTest {

  @Test
  void compactDropsBinaryRoundingResidue() {
    assertThat(Num.compact(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(Num.compact(3.0)).isEqualTo("3");
    assertThat(Num.compact(-0.0)).isEqualTo("0");
    assertThat(Num.compact(2.718281828)).isEqualTo("2.71828");
    assertThat(Num.compact(123_456)).isEqualTo("123456");
  }

  @Test
  void compactSwitchesToScientificOutsidePlainRange() {
    assertThat(Num.compact(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(Num.compact(0.00012)).isEqualTo("0.00012");
    assertThat(Num.compact(-3.25e12)).isEqualTo("-3.25e12");
    assertThat(Num.compact(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void coordinatesKeepAtMostTwoDecimals() {
    assertThat(Num.coord(12.3)).isEqualTo("12.3");
    assertThat(Num.coord(1.05)).isEqualTo("1.05");
    assertThat(Num.coord(7)).isEqualTo("7");
    assertThat(Num.coord(-1.5)).isEqualTo("-1.5");
    assertThat(Num.coord(-0.004)).isEqualTo("0");
    assertThat(Num.coord(99.999)).isEqualTo("100");
  }

  @Test
  void siLabelsUseShortScaleSuffixes() {
    assertThat(Num.si(1)).isEqualTo("1");
    assertThat(Num.si(1000)).isEqualTo("1k");
    assertThat(Num.si(2.5e6)).isEqualTo("2.5M");
    assertThat(Num.si(1e9)).isEqualTo("1B");
    assertThat(Num.si(0.01)).isEqualTo("0.01");
    assertThat(Num.si(1e-4)).isEqualTo("1e-4");
  }
}
