package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Zero variance on either side: every correlation is NaN by convention. */
class ZeroVarianceTest {
  private final double[] constant = {0.1, 0.1, 0.1, 0.1};
  private final double[] varying = {1.0, 3.0, 2.0, 4.0};

  @Test
  void everyCorrelationIsNaNWhenEitherSideIsConstant() {
    assertThat(Correlation.pearson(constant, varying)).isNaN();
    assertThat(Correlation.pearson(varying, constant)).isNaN();
    assertThat(Correlation.spearman(constant, varying)).isNaN();
    assertThat(Correlation.spearman(varying, constant)).isNaN();
    assertThat(Correlation.kendallTauB(constant, varying)).isNaN();
    assertThat(Correlation.kendallTauB(varying, constant)).isNaN();
  }
}
