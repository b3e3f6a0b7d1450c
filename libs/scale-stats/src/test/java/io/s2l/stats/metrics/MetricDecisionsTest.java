package io.s2l.stats.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Decision accuracy per metric on a synthetic study (proxy "s", reference "l", 4 distributions, 2
 * seeds), against an independent numpy 2.4.6 / scipy 1.17.1 computation (python 3.11): the same
 * scores generated in python, per-example metrics as in {@link ProxyMetricsGoldenTest}, seed means,
 * lower-is-better sides negated, and DA counted by brute force over {@code
 * itertools.combinations(range(4), 2)}, pairs tied in y left out.
 */
class MetricDecisionsTest {

  private static final List<String> SCALES = List.of("s", "l");
  private static final List<String> DISTRIBUTIONS = List.of("a", "b", "c", "d");
  private static final List<Long> SEEDS = List.of(0L, 1L);

  @Test
  void anInterruptedThreadStopsTheDecisionsAndKeepsItsInterrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () ->
                  MetricDecisions.analyze(
                      SCALES, DISTRIBUTIONS, SEEDS, List.of("mc"), "l", MetricDecisionsTest::run))
          .isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void eachMetricIsScoredAgainstTheReferencesAccuracyOrLoss() {
    List<MetricDecision> results =
        MetricDecisions.analyze(
            SCALES,
            DISTRIBUTIONS,
            SEEDS,
            List.of("text", "mc", "qa"),
            "l",
            MetricDecisionsTest::run);
    assertThat(results).hasSize(2); // the text set has no scores
    MetricDecision mc = results.get(0);
    assertThat(mc.proxyScale()).isEqualTo("s");
    assertThat(mc.evalSet()).isEqualTo("mc");
    assertThat(mc.target()).isEqualTo(MetricDecision.REFERENCE_ACCURACY);
    assertThat(mc.decisionAccuracy())
        .containsExactly(
            entry(ProxyMetric.LOSS, 0.75),
            entry(ProxyMetric.BITS_PER_BYTE, 0.75),
            entry(ProxyMetric.CORRECT_PROB, 1.0),
            entry(ProxyMetric.NORM_CORRECT_PROB, 0.5),
            entry(ProxyMetric.MARGIN, 1.0),
            entry(ProxyMetric.ACCURACY, 0.25));
    assertThat(mc.bestMetric()).isEqualTo(ProxyMetric.CORRECT_PROB); // tied with margin, earlier

    MetricDecision qa = results.get(1);
    assertThat(qa.target()).isEqualTo(MetricDecision.REFERENCE_LOSS);
    assertThat(qa.decisionAccuracy())
        .containsExactly(
            entry(ProxyMetric.LOSS, 0.5),
            entry(ProxyMetric.BITS_PER_BYTE, 0.5),
            entry(ProxyMetric.CORRECT_PROB, 0.5));
    assertThat(qa.bestMetric()).isEqualTo(ProxyMetric.LOSS);
  }

  @Test
  void aSetWhoseRunsDisagreeOnItsChoicesIsLeftOutNotFatal() {
    // one run of "mc" reports a single answer per example, the others two choices
    List<MetricDecision> results =
        MetricDecisions.analyze(
            SCALES,
            DISTRIBUTIONS,
            SEEDS,
            List.of("mc", "qa"),
            "l",
            (scale, distribution, seed, set) ->
                set.equals("mc") && scale.equals("l") && distribution.equals("c") && seed == 1
                    ? run(scale, distribution, seed, "qa")
                    : run(scale, distribution, seed, set));
    assertThat(results).extracting(MetricDecision::evalSet).containsExactly("qa");
  }

  /** The scores of run (scale, distribution k, seed r), generated as in the python script. */
  private static AnswerScores run(String scale, String distribution, long seed, String evalSet) {
    int s = SCALES.indexOf(scale);
    int k = DISTRIBUTIONS.indexOf(distribution);
    int r = (int) seed;
    return switch (evalSet) {
      case "mc" -> {
        double[] lp = new double[4];
        int[] bytes = new int[4];
        int[] tokens = new int[4];
        for (int i = 0; i < 2; i++) {
          for (int c = 0; c < 2; c++) {
            lp[2 * i + c] =
                -(1 + ((7 * k + 3 * c + 5 * i + 2 * r + 11 * s) % 9) * 0.5) - 0.25 * c * k;
            bytes[2 * i + c] = 3 + c + i;
            tokens[2 * i + c] = 2 + c;
          }
        }
        yield new AnswerScores(lp, new int[] {2, 2}, new int[] {0, 1}, bytes, tokens);
      }
      case "qa" -> {
        double[] lp = new double[3];
        for (int i = 0; i < 3; i++) {
          lp[i] = -(2 + ((5 * k + 3 * i + r + 4 * s) % 7) * 0.75);
        }
        yield new AnswerScores(
            lp, new int[] {1, 1, 1}, new int[3], new int[] {4, 5, 6}, new int[] {3, 4, 5});
      }
      default -> null;
    };
  }
}
