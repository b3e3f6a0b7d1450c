package io.s2l.stats.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The per-example metrics against numpy 2.4.6 and scipy 1.17.1 (python 3.11): per example, with l
 * the example's logprobs and y its label, {@code -l[y]/t[y]}, {@code -l[y]/(b[y]*np.log(2))},
 * {@code np.exp(l[y])}, {@code np.exp(l[y] - scipy.special.logsumexp(l))}, {@code np.exp(l[y]) -
 * np.exp(np.delete(l, y).max())} and {@code float(l[y] > np.delete(l, y).max())}.
 */
class ProxyMetricsGoldenTest {

  private static final Percentage REL_1E9 = withinPercentage(1e-7);

  /** Three examples with 2, 3 and 4 choices; tokens differ from bytes. */
  private static final AnswerScores CHOICES =
      new AnswerScores(
          new double[] {-3.2, -2.9, -5.5, -7.25, -5.0, -12.0, -11.5, -10.75, -30.0},
          new int[] {2, 3, 4},
          new int[] {1, 0, 2},
          new int[] {4, 5, 6, 7, 6, 9, 8, 10, 11},
          new int[] {3, 4, 5, 5, 4, 7, 6, 8, 9});

  private static final AnswerScores ANSWERS =
      new AnswerScores(
          new double[] {-4.5, -20.25, -0.125},
          new int[] {1, 1, 1},
          new int[] {0, 0, 0},
          new int[] {3, 12, 1},
          new int[] {2, 9, 1});

  @Test
  void multipleChoiceMetricsMatchNumpy() {
    check(CHOICES, ProxyMetric.LOSS, 0.725, 1.1, 1.34375);
    check(
        CHOICES,
        ProxyMetric.BITS_PER_BYTE,
        0.8367631237155988,
        1.3224704541482166,
        1.5508971689556357);
    check(
        CHOICES,
        ProxyMetric.CORRECT_PROB,
        0.05502322005640723,
        0.004086771438464067,
        2.1445408316589164e-05);
    check(
        CHOICES,
        ProxyMetric.NORM_CORRECT_PROB,
        0.5744425168116591,
        0.35429643777126785,
        0.5685464134405863);
    check(
        CHOICES,
        ProxyMetric.MARGIN,
        0.014261016078041026,
        -0.0026511755606214004,
        1.1315314717958453e-05);
    assertThat(ProxyMetrics.perExample(CHOICES, ProxyMetric.ACCURACY))
        .containsExactly(1.0, 0.0, 1.0);
    assertThat(ProxyMetrics.mean(CHOICES, ProxyMetric.LOSS))
        .isCloseTo((0.725 + 1.1 + 1.34375) / 3, REL_1E9);
  }

  @Test
  void answerSetsHaveTheThreeMetricsThatNeedNoChoices() {
    check(ANSWERS, ProxyMetric.LOSS, 2.25, 2.25, 0.125);
    check(
        ANSWERS,
        ProxyMetric.BITS_PER_BYTE,
        2.1640425613334453,
        2.434547881500126,
        0.18033688011112042);
    check(
        ANSWERS,
        ProxyMetric.CORRECT_PROB,
        0.011108996538242306,
        1.6052280551856116e-09,
        0.8824969025845953);
    assertThatThrownBy(() -> ProxyMetrics.perExample(ANSWERS, ProxyMetric.MARGIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two choices");
  }

  @Test
  void inconsistentScoresAreRefused() {
    assertThatThrownBy(
            () ->
                new AnswerScores(
                    new double[] {-1, -2},
                    new int[] {2},
                    new int[] {2},
                    new int[] {1, 1},
                    new int[] {1, 1}))
        .hasMessageContaining("label 2");
    assertThatThrownBy(
            () ->
                new AnswerScores(
                    new double[] {-1}, new int[] {2}, new int[] {0}, new int[] {1}, new int[] {1}))
        .hasMessageContaining("2 continuations");
  }

  private static void check(AnswerScores scores, ProxyMetric metric, double... expected) {
    double[] actual = ProxyMetrics.perExample(scores, metric);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("%s[%d]", metric, i).isCloseTo(expected[i], REL_1E9);
    }
  }
}
