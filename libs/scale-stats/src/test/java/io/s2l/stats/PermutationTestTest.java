package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Golden p-values from src/test/resources/golden/README.md, section "Permutation p-values": scipy
 * 1.17.1 {@code stats.permutation_test((y,), lambda yy: f(x, yy), permutation_type="pairings",
 * alternative="greater", n_resamples=np.inf)}, every pairing enumerated.
 */
class PermutationTestTest {

  static final double[] PERM6_X = {0.3, 0.1, 0.4, 0.4, 0.9, 0.7};
  static final double[] PERM6_Y = {1.2, 0.8, 1.1, 1.5, 1.5, 1.9};
  static final double[] PERM8_X = {0.5, 1.2, 0.9, 2.2, 1.7, 2.9, 2.5, 3.3};
  static final double[] PERM8_Y = {2.0, 1.6, 2.8, 2.4, 3.9, 3.1, 4.4, 3.7};
  static final double[] TIED8_X = {1, 1, 2, 2, 3, 3, 4, 4};
  static final double[] TIED8_Y = {1, 2, 1, 3, 2, 4, 3, 4};
  static final double[] PERM9_X = {0.5, 1.2, 0.9, 2.2, 1.7, 2.9, 2.5, 3.3, 1.2};
  static final double[] PERM9_Y = {2.0, 1.6, 2.8, 2.4, 3.9, 3.1, 4.4, 3.7, 2.2};

  private static final PermutationTest TEST = PermutationTest.withSeed(42L);

  private static void assertExact(
      PermutationPValues p, int n, double decision, double spearman, double kendall) {
    assertThat(p.method()).isEqualTo("exact");
    long factorial = 1;
    for (int i = 2; i <= n; i++) {
      factorial *= i;
    }
    assertThat(p.permutations()).isEqualTo(factorial);
    assertThat(p.decisionAccuracy()).isCloseTo(decision, REL_1E9);
    assertThat(p.spearman()).isCloseTo(spearman, REL_1E9);
    assertThat(p.kendall()).isCloseTo(kendall, REL_1E9);
  }

  @Test
  void exactPValuesMatchScipyWithTies() {
    // scipy 1.17.1: permutation_test(..., n_resamples=np.inf) of decision_accuracy, spearmanr,
    // kendalltau; perm6 and tied8 have ties in x and y.
    assertExact(
        TEST.pValues(PERM6_X, PERM6_Y),
        6,
        0.06666666666666667,
        0.03611111111111111,
        0.058333333333333334);
    assertExact(
        TEST.pValues(TIED8_X, TIED8_Y),
        8,
        0.05714285714285714,
        0.04126984126984127,
        0.0380952380952381);
  }

  @Test
  void exactPValuesMatchScipyWithoutTies() {
    assertExact(
        TEST.pValues(PERM8_X, PERM8_Y),
        8,
        0.08943452380952381,
        0.06614583333333333,
        0.08943452380952381);
    // A negative relation: the one-sided test of a positive one finds nothing.
    assertExact(
        TEST.pValues(GoldenData.NEG_X, GoldenData.NEG_Y),
        7,
        0.9986111111111111,
        0.9986111111111111,
        0.9986111111111111);
    assertExact(
        TEST.pValues(GoldenData.N3_X, GoldenData.N3_Y),
        3,
        0.8333333333333334,
        0.8333333333333334,
        0.8333333333333334);
  }

  @Test
  void monteCarloAgreesWithTheExactValueWithinBinomialError() {
    // scipy 1.17.1, every one of the 9! pairings (vectorised statistics, section "perm9"):
    double[] exact = {0.04675374779541446, 0.03141534391534392, 0.04675374779541446};
    PermutationPValues p = new PermutationTest(20000, 7L).pValues(PERM9_X, PERM9_Y);
    assertThat(p.method()).isEqualTo("monte-carlo");
    assertThat(p.permutations()).isEqualTo(20000);
    double[] got = {p.decisionAccuracy(), p.spearman(), p.kendall()};
    for (int s = 0; s < 3; s++) {
      // 4 binomial standard errors, plus the 1 / (N + 1) of the observed pairing.
      double error = 4 * Math.sqrt(exact[s] * (1 - exact[s]) / 20000) + 1.0 / 20001;
      assertThat(got[s]).isCloseTo(exact[s], within(error));
    }
  }

  @Test
  void monteCarloRepeatsWithTheSameSeedAndIsNeverZero() {
    PermutationTest test = new PermutationTest(999, 3L);
    assertThat(test.pValues(PERM9_X, PERM9_Y)).isEqualTo(test.pValues(PERM9_X, PERM9_Y));
    assertThat(new PermutationTest(999, 4L).pValues(PERM9_X, PERM9_Y))
        .isNotEqualTo(test.pValues(PERM9_X, PERM9_Y));
    // 1000 points with r ~ 0.8: no random pairing comes close, p = 1 / (N + 1).
    PermutationPValues strong = test.pValues(GoldenData.smoothX(), GoldenData.smoothY());
    assertThat(strong.decisionAccuracy()).isEqualTo(1.0 / 1000);
    assertThat(strong.spearman()).isEqualTo(1.0 / 1000);
    assertThat(strong.kendall()).isEqualTo(1.0 / 1000);
  }

  @Test
  void theStatisticsOfAPairingAreThoseOfTheRepairedSample() {
    // The Fenwick-tree counts against the plain statistics, on 1000 points with heavy ties and on a
    // random re-pairing of them.
    double[] x = GoldenData.tiedX();
    double[] y = GoldenData.tiedY();
    int[] perm = new int[x.length];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = (i * 389) % perm.length; // 389 is prime to 1000: a permutation
    }
    double[] repaired = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      repaired[i] = y[perm[i]];
    }
    PermutedAssociation association = new PermutedAssociation(x, y);
    double[] out = new double[3];
    association.statistics(perm, out);
    assertThat(out[0]).isCloseTo(DecisionAccuracy.of(x, repaired), within(1e-15));
    assertThat(out[1]).isCloseTo(Correlation.spearman(x, repaired), within(1e-12));
    assertThat(out[2]).isEqualTo(Correlation.kendallTauB(x, repaired));
  }

  @Test
  void constantSidesGiveUndefinedOrCertainPValues() {
    double[] flat = {2, 2, 2, 2, 2};
    double[] v = {1, 3, 2, 5, 4};
    PermutationPValues flatX = TEST.pValues(flat, v);
    // x constant: decision accuracy is 0 on every pairing, so p = 1; the correlations are NaN.
    assertThat(flatX.decisionAccuracy()).isEqualTo(1.0);
    assertThat(flatX.spearman()).isNaN();
    assertThat(flatX.kendall()).isNaN();
    PermutationPValues flatY = TEST.pValues(v, flat);
    assertThat(flatY.decisionAccuracy()).isNaN();
    assertThat(flatY.spearman()).isNaN();
  }

  @Test
  void rejectsInvalidInput() {
    assertThatThrownBy(() -> new PermutationTest(0, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permutations");
    assertThatThrownBy(() -> TEST.pValues(new double[] {1, 2}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
