package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Golden values: the brute-force numpy 2.4.6 function {@code decision_accuracy} of
 * src/test/resources/golden/README.md (python 3.11.7), which loops over all pairs.
 */
class DecisionAccuracyTest {

  @Test
  void pairTiedInReferenceIsExcluded() {
    // Closed form: pair (0, 1) is tied in y and dropped; the other two pairs agree.
    assertThat(DecisionAccuracy.of(new double[] {1, 2, 3}, new double[] {5, 5, 6})).isEqualTo(1.0);
  }

  @Test
  void pairTiedOnlyInProxyIsADisagreement() {
    // Closed form: pair (0, 1) is tied in x but not in y: 2 of 3 pairs agree.
    assertThat(DecisionAccuracy.of(new double[] {1, 1, 2}, new double[] {1, 2, 3}))
        .isEqualTo(2.0 / 3.0);
  }

  @Test
  void constantReferenceLeavesNoPairToCount() {
    assertThat(DecisionAccuracy.of(new double[] {1, 2, 3}, new double[] {4, 4, 4})).isNaN();
  }

  @Test
  void constantProxyGetsEveryDecisionWrong() {
    assertThat(DecisionAccuracy.of(new double[] {4, 4, 4}, new double[] {1, 2, 3})).isEqualTo(0.0);
  }

  @Test
  void tiesInXAndY() {
    // numpy 2.4.6: decision_accuracy(TIES_X, TIES_Y)
    assertThat(DecisionAccuracy.of(GoldenData.TIES_X, GoldenData.TIES_Y))
        .isCloseTo(0.8809523809523809, REL_1E9);
  }

  @Test
  void negativeCorrelation() {
    // numpy 2.4.6: decision_accuracy(NEG_X, NEG_Y)
    assertThat(DecisionAccuracy.of(GoldenData.NEG_X, GoldenData.NEG_Y))
        .isCloseTo(0.09523809523809523, REL_1E9);
  }

  @Test
  void threePoints() {
    // numpy 2.4.6: decision_accuracy([2.0, 1.0, 3.0], [1.0, 3.0, 2.0])
    assertThat(DecisionAccuracy.of(GoldenData.N3_X, GoldenData.N3_Y))
        .isCloseTo(0.3333333333333333, REL_1E9);
  }

  @Test
  void thousandPoints() {
    // numpy 2.4.6: decision_accuracy(SX, SY)
    assertThat(DecisionAccuracy.of(GoldenData.smoothX(), GoldenData.smoothY()))
        .isCloseTo(0.8183203203203203, REL_1E9);
    // numpy 2.4.6: decision_accuracy(TX, TY)
    assertThat(DecisionAccuracy.of(GoldenData.tiedX(), GoldenData.tiedY()))
        .isCloseTo(0.859539356498478, REL_1E9);
  }

  @Test
  void knightCountsAgreeWithTheDefinitionOnRandomTiedSamples() {
    SplittableRandom random = new SplittableRandom(20250516L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 3 + random.nextInt(40);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(6);
        y[i] = random.nextInt(6);
      }
      assertThat(DecisionAccuracy.of(x, y)).isEqualTo(bruteForce(x, y));
    }
  }

  /** The definition itself, pair by pair: O(n^2). */
  private static double bruteForce(double[] x, double[] y) {
    long agree = 0;
    long countable = 0;
    for (int a = 0; a < x.length; a++) {
      for (int b = a + 1; b < x.length; b++) {
        double sy = Math.signum(y[a] - y[b]);
        if (sy != 0) {
          countable++;
          agree += Math.signum(x[a] - x[b]) == sy ? 1 : 0;
        }
      }
    }
    return countable == 0 ? Double.NaN : (double) agree / countable;
  }
}
