package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OrderSimilarityTest {

  private static final Scores A = new Scores(2, 4, new float[] {1, 2, 3, 4, 0.5f, -1, 7, 2});

  @Test
  void identicalScoresHaveSimilarityOne() {
    assertThat(OrderSimilarity.meanSpearman(A, A)).isEqualTo(1.0);
  }

  @Test
  void reversedOrdersHaveSimilarityMinusOne() {
    float[] negated = A.values().clone();
    for (int i = 0; i < negated.length; i++) {
      negated[i] = -negated[i];
    }
    assertThat(OrderSimilarity.meanSpearman(A, new Scores(2, 4, negated))).isEqualTo(-1.0);
  }

  @Test
  void averagesPerTargetRankCorrelations() {
    // target 0: ranks (1,2,3,4) vs (1,2,4,3): rho = 1 - 6 * 2 / (4 * 15) = 0.8
    // target 1: ranks (2,1,4,3) vs (1,2,3,4): rho = 1 - 6 * 4 / 60 = 0.6
    Scores b = new Scores(2, 4, new float[] {10, 20, 40, 30, 1, 2, 3, 4});
    assertThat(OrderSimilarity.perTarget(A, b))
        .containsExactly(new double[] {0.8, 0.6}, within(1e-12));
    assertThat(OrderSimilarity.meanSpearman(A, b)).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void constantTargetsAreLeftOut() {
    Scores flat = new Scores(2, 4, new float[] {1, 2, 3, 4, 5, 5, 5, 5});
    assertThat(OrderSimilarity.perTarget(A, flat)[1]).isNaN();
    assertThat(OrderSimilarity.meanSpearman(A, flat)).isEqualTo(1.0);
  }

  @Test
  void refusesDifferentShapes() {
    assertThatThrownBy(() -> OrderSimilarity.meanSpearman(A, new Scores(1, 8, new float[8])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shapes must be equal");
  }
}
