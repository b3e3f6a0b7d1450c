package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden values: python 3.11.7, numpy 2.4.6, scipy 1.17.1 (src/test/resources/golden). */
class ScaleCorrelationTest {

  @Test
  void summarisesThousandTiedPoints() {
    ScaleCorrelation result = ScaleCorrelation.of(GoldenData.tiedX(), GoldenData.tiedY());

    assertThat(result.n()).isEqualTo(1000);
    // scipy 1.17.1: stats.pearsonr(TX, TY).statistic
    assertThat(result.pearsonR()).isCloseTo(0.8834782903993738, REL_1E9);
    // scipy 1.17.1: r = stats.linregress(TX, TY); r.rvalue**2, r.slope, r.intercept
    assertThat(result.r2()).isCloseTo(0.7805338896070008, REL_1E9);
    assertThat(result.slope()).isCloseTo(0.2491259498986598, REL_1E9);
    assertThat(result.intercept()).isCloseTo(2.654974428584744, REL_1E9);
    // scipy 1.17.1: stats.spearmanr(TX, TY).statistic
    assertThat(result.spearman()).isCloseTo(0.889219110266497, REL_1E9);
    // scipy 1.17.1: stats.kendalltau(TX, TY).statistic
    assertThat(result.kendall()).isCloseTo(0.7197183369859039, REL_1E9);
    // numpy 2.4.6: decision_accuracy(TX, TY)
    assertThat(result.decisionAccuracy()).isCloseTo(0.859539356498478, REL_1E9);
  }

  @Test
  void summarisesNegativeCorrelation() {
    ScaleCorrelation result = ScaleCorrelation.of(GoldenData.NEG_X, GoldenData.NEG_Y);

    assertThat(result.n()).isEqualTo(7);
    // scipy 1.17.1: stats.pearsonr(NEG_X, NEG_Y).statistic
    assertThat(result.pearsonR()).isCloseTo(-0.9820826110272969, REL_1E9);
    // scipy 1.17.1: r = stats.linregress(NEG_X, NEG_Y); r.rvalue**2, r.slope, r.intercept
    assertThat(result.r2()).isCloseTo(0.9644862548821929, REL_1E9);
    assertThat(result.slope()).isCloseTo(-2.0818395984840725, REL_1E9);
    assertThat(result.intercept()).isCloseTo(3.9577186462006706, REL_1E9);
    // scipy 1.17.1: stats.spearmanr(NEG_X, NEG_Y).statistic
    assertThat(result.spearman()).isCloseTo(-0.9285714285714288, REL_1E9);
    // scipy 1.17.1: stats.kendalltau(NEG_X, NEG_Y).statistic
    assertThat(result.kendall()).isCloseTo(-0.8095238095238096, REL_1E9);
    // numpy 2.4.6: decision_accuracy(NEG_X, NEG_Y)
    assertThat(result.decisionAccuracy()).isCloseTo(0.09523809523809523, REL_1E9);
  }

  @Test
  void constantProxyHasUndefinedCorrelations() {
    ScaleCorrelation result =
        ScaleCorrelation.of(new double[] {2.5, 2.5, 2.5, 2.5}, new double[] {3.1, 2.9, 3.4, 3.0});

    assertThat(result.n()).isEqualTo(4);
    assertThat(result.pearsonR()).isNaN();
    assertThat(result.r2()).isNaN();
    assertThat(result.slope()).isNaN();
    assertThat(result.intercept()).isNaN();
    assertThat(result.spearman()).isNaN();
    assertThat(result.kendall()).isNaN();
    assertThat(result.decisionAccuracy()).isEqualTo(0.0);
  }
}
