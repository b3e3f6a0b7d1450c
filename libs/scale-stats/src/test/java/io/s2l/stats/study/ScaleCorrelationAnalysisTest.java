package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.Interval;
import io.s2l.stats.PermutationPValues;
import io.s2l.stats.PermutationTest;
import io.s2l.stats.ScaleCorrelation;
import io.s2l.stats.ScaleCorrelationBootstrap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ScaleCorrelationAnalysisTest {

  /** Two quiet proxies and a reference: strongly correlated on both sets. */
  private static final LossCube STRONG =
      SyntheticCube.build(
          List.of(
              SyntheticCube.Scale.linear("small", 1e15, 0.2, 0.3),
              SyntheticCube.Scale.linear("medium", 1e16, 0.1, 0.2),
              SyntheticCube.Scale.linear("large", 1e17, 0.05, 0.1)),
          12,
          3,
          40,
          99L);

  private static AnalysisOptions options(long seed) {
    return new AnalysisOptions(
        "large", 400, seed, 0.95, RecommendationMetric.DECISION_ACCURACY, 0.8, 6, 10);
  }

  @Test
  void anInterruptedThreadStopsTheAnalysisAndKeepsItsInterrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> ScaleCorrelationAnalysis.analyze(STRONG, options(1)))
          .isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void entriesAreEveryProxyTimesEveryEvaluationSetProxyMajor() {
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(STRONG, options(1));
    assertThat(result.referenceScale()).isEqualTo("large");
    assertThat(result.entries())
        .extracting(e -> e.proxyScale() + "/" + e.evalSet())
        .containsExactly("small/set0", "small/set1", "medium/set0", "medium/set1");
    assertThat(result.entries().get(0).accuracy()).isNull();
    assertThat(result.entries().get(1).accuracy()).isNotNull();
    assertThat(result.entries().get(0).computeRatio()).isEqualTo(100.0);
  }

  @Test
  void theSameSeedRepeatsEveryIntervalAndAnotherSeedMovesThem() {
    AnalysisResult first = ScaleCorrelationAnalysis.analyze(STRONG, options(5));
    AnalysisResult again = ScaleCorrelationAnalysis.analyze(STRONG, options(5));
    AnalysisResult other = ScaleCorrelationAnalysis.analyze(STRONG, options(6));
    for (int i = 0; i < first.entries().size(); i++) {
      ProxyEvalResult a = first.entries().get(i);
      assertThat(again.entries().get(i).ci95()).isEqualTo(a.ci95());
      assertThat(again.entries().get(i).perExample().meanCi95())
          .isEqualTo(a.perExample().meanCi95());
      assertThat(other.entries().get(i).ci95().get("pearsonR"))
          .isNotEqualTo(a.ci95().get("pearsonR"));
      assertThat(other.entries().get(i).perExample().meanCi95())
          .isNotEqualTo(a.perExample().meanCi95());
    }
  }

  @Test
  void entriesDrawDifferentResamples() {
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(STRONG, options(5));
    Interval small = result.entries().get(0).ci95().get("slope");
    Interval medium = result.entries().get(2).ci95().get("slope");
    assertThat(small).isNotEqualTo(medium);
  }

  @Test
  void everyIntervalContainsItsPointEstimateOnStronglyCorrelatedData() {
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(STRONG, options(3));
    for (ProxyEvalResult entry : result.entries()) {
      ScaleCorrelation s = entry.statistics();
      double[] values = {
        s.pearsonR(),
        s.r2(),
        s.slope(),
        s.intercept(),
        s.spearman(),
        s.kendall(),
        s.decisionAccuracy()
      };
      List<String> names = List.copyOf(entry.ci95().keySet());
      for (int i = 0; i < values.length; i++) {
        Interval interval = entry.ci95().get(names.get(i));
        // Up to rounding: the replicates compute rank statistics exactly in integers, the point
        // estimate in floating point (a perfect Spearman can come out as 1 - 2 ulp).
        assertThat(values[i])
            .as("%s/%s %s", entry.proxyScale(), entry.evalSet(), names.get(i))
            .isBetween(interval.low() - 1e-12, interval.high() + 1e-12);
      }
      assertThat(s.pearsonR()).isGreaterThan(0.99);
      assertThat(entry.ci95().get("pearsonR").low()).isGreaterThan(0.95);
      assertThat(entry.perExample().meanCi95().contains(entry.perExample().mean())).isTrue();
    }
  }

  @Test
  void intervalsAreTheOnePassBootstrapSeededPerEntry() {
    AnalysisOptions options = options(17);
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(STRONG, options);
    for (int i = 0; i < result.entries().size(); i++) {
      ProxyEvalResult entry = result.entries().get(i);
      Bootstrap bootstrap =
          new Bootstrap(options.resamples(), ScaleCorrelationAnalysis.streamSeed(17, i, 0));
      Map<String, Interval> expected =
          ScaleCorrelationBootstrap.intervals(
              entry.proxyLosses(), entry.referenceLosses(), bootstrap, options.level());
      assertThat(entry.ci95()).isEqualTo(expected);
    }
    assertThat(ScaleCorrelationAnalysis.streamSeed(17, 0, 0))
        .isNotEqualTo(ScaleCorrelationAnalysis.streamSeed(17, 0, 1))
        .isNotEqualTo(ScaleCorrelationAnalysis.streamSeed(17, 1, 0));
  }

  @Test
  void permutationPValuesAndDroppedResamplesAreSeededPerEntry() {
    AnalysisOptions options = options(17);
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(STRONG, options);
    for (int i = 0; i < result.entries().size(); i++) {
      ProxyEvalResult entry = result.entries().get(i);
      double[] x = entry.proxyLosses();
      double[] y = entry.referenceLosses();
      PermutationPValues expected =
          new PermutationTest(
                  PermutationTest.DEFAULT_PERMUTATIONS,
                  ScaleCorrelationAnalysis.permutationSeed(17, i))
              .pValues(x, y);
      assertThat(entry.permutation()).isEqualTo(expected);
      // K = 12 > 8: random pairings; a strong relation beats every one of them.
      assertThat(entry.permutation().method()).isEqualTo("monte-carlo");
      assertThat(entry.permutation().permutations()).isEqualTo(9999);
      assertThat(entry.permutation().decisionAccuracy()).isEqualTo(1.0 / 10000);
      Bootstrap bootstrap =
          new Bootstrap(options.resamples(), ScaleCorrelationAnalysis.streamSeed(17, i, 0));
      assertThat(entry.droppedResamples())
          .isEqualTo(ScaleCorrelationBootstrap.of(x, y, bootstrap, options.level()).dropped());
    }
    // The pairings' stream is none of the resampling streams, nor a noise ceiling's.
    for (int entry = 0; entry < 4; entry++) {
      for (int stream = 0; stream < 2; stream++) {
        assertThat(ScaleCorrelationAnalysis.permutationSeed(17, 0))
            .isNotEqualTo(ScaleCorrelationAnalysis.streamSeed(17, entry, stream));
      }
      assertThat(ScaleCorrelationAnalysis.permutationSeed(17, entry))
          .isNotEqualTo(ScaleCorrelationAnalysis.streamSeed(17, -(entry + 1), 0));
    }
  }

  @Test
  void oneSeedHasNoSeedNoiseAndAConstantExampleIsUndefined() {
    List<String> distributions = List.of("a", "b", "c", "d");
    LossCube.Builder builder =
        LossCube.builder(List.of("p", "r"), distributions, List.of(0L))
            .scaleCompute("p", 10, 60)
            .scaleCompute("r", 100, 6000)
            .evalSet("set", 2, null);
    float[][] proxy = {{1, 5}, {2, 5}, {3, 5}, {5, 5}};
    float[][] reference = {{2, 1}, {4, 2}, {6, 3}, {9, 4}};
    for (int k = 0; k < 4; k++) {
      builder.losses("p", distributions.get(k), 0, "set", proxy[k], null);
      builder.losses("r", distributions.get(k), 0, "set", reference[k], null);
    }
    ProxyEvalResult entry =
        ScaleCorrelationAnalysis.analyze(builder.build(), AnalysisOptions.defaults("r"))
            .entries()
            .get(0);
    assertThat(entry.seedNoise()).isNull();
    assertThat(entry.proxyLosses()).containsExactly(3.0, 3.5, 4.0, 5.0);
    // Example 1 of the proxy is 5 everywhere: zero variance, left out.
    assertThat(entry.perExample().examples()).isEqualTo(2);
    assertThat(entry.perExample().defined()).isEqualTo(1);
    assertThat(entry.perExample().histogram().counts()).containsOnly(0L, 1L);
  }

  @Test
  void perExampleSummariesCarryTheSignedR2AndTheShareOfPositiveR() {
    // Over 6 distributions: example 0 tracks the reference (r = 1), example 1 runs backwards
    // (r = -1), example 2 has r = 0.8285714285714287 (numpy 2.4.6,
    // np.corrcoef([1,2,3,4,5,6], [2,1,4,3,6,5])[0, 1]), r^2 = 0.6865306122448982.
    List<String> distributions = List.of("a", "b", "c", "d", "e", "f");
    LossCube.Builder builder =
        LossCube.builder(List.of("p", "r"), distributions, List.of(0L))
            .scaleCompute("p", 10, 60)
            .scaleCompute("r", 100, 6000)
            .evalSet("set", 3, null);
    float[] twisted = {2, 1, 4, 3, 6, 5};
    for (int k = 0; k < 6; k++) {
      builder.losses("p", distributions.get(k), 0, "set", new float[] {k + 1, k + 1, k + 1}, null);
      builder.losses(
          "r", distributions.get(k), 0, "set", new float[] {2 * (k + 1), 6 - k, twisted[k]}, null);
    }
    PerExampleR2 summary =
        ScaleCorrelationAnalysis.analyze(builder.build(), AnalysisOptions.defaults("r"))
            .entries()
            .get(0)
            .perExample();
    double r2 = 0.6865306122448982;
    assertThat(summary.defined()).isEqualTo(3);
    // R^2 alone counts the backwards example as agreement; the signed mean does not.
    assertThat(summary.mean()).isCloseTo((1 + 1 + r2) / 3, within(1e-12));
    assertThat(summary.signedMean()).isCloseTo((1 - 1 + r2) / 3, within(1e-12));
    assertThat(summary.fractionPositiveR()).isEqualTo(2.0 / 3);
  }

  @Test
  void rejectsAnAnalysisItCannotRun() {
    assertThatThrownBy(
            () -> ScaleCorrelationAnalysis.analyze(STRONG, AnalysisOptions.defaults("huge")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference scale huge is not a scale of the study [small, medium, large]");
    LossCube twoDistributions =
        SyntheticCube.build(
            List.of(
                SyntheticCube.Scale.linear("p", 1, 0.1), SyntheticCube.Scale.linear("r", 2, 0.1)),
            2,
            1,
            3,
            1L);
    assertThatThrownBy(
            () -> ScaleCorrelationAnalysis.analyze(twoDistributions, AnalysisOptions.defaults("r")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3 distributions")
        .hasMessageEndingWith("got 2");
    LossCube alone =
        SyntheticCube.build(List.of(SyntheticCube.Scale.linear("r", 2, 0.1)), 4, 1, 3, 1L);
    assertThatThrownBy(() -> ScaleCorrelationAnalysis.analyze(alone, AnalysisOptions.defaults("r")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no proxy scale");
  }

  @Test
  void optionsAreValidated() {
    assertThat(AnalysisOptions.defaults("r"))
        .isEqualTo(
            new AnalysisOptions(
                "r", 1000, 0L, 0.95, RecommendationMetric.DECISION_ACCURACY, 0.8, 6, 20));
    assertThatThrownBy(
            () -> new AnalysisOptions("r", 0, 0, 0.95, RecommendationMetric.R2, 0.8, 6, 20))
        .hasMessage("resamples must be at least 1, got 0");
    assertThatThrownBy(
            () -> new AnalysisOptions("r", 10, 0, 1.5, RecommendationMetric.R2, 0.8, 6, 20))
        .hasMessage("level must be in (0, 1), got 1.5");
    assertThatThrownBy(
            () -> new AnalysisOptions("r", 10, 0, 0.9, RecommendationMetric.R2, Double.NaN, 6, 20))
        .hasMessage("threshold must be finite, got NaN");
    assertThatThrownBy(
            () -> new AnalysisOptions("r", 10, 0, 0.9, RecommendationMetric.R2, 0.8, 6, 0))
        .hasMessage("histogramBins must be at least 1, got 0");
    assertThatThrownBy(
            () -> new AnalysisOptions("r", 10, 0, 0.9, RecommendationMetric.R2, 0.8, 2, 20))
        .hasMessage("minDistributions must be from 3 to 1000, got 2");
    assertThatThrownBy(
            () -> new AnalysisOptions("r", 10, 0, 0.9, RecommendationMetric.R2, 0.8, 1001, 20))
        .hasMessage("minDistributions must be from 3 to 1000, got 1001");
  }
}
