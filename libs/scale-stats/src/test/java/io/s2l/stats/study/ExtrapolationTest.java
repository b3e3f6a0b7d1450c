package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.ScaleCorrelationBootstrap;
import io.s2l.stats.ScalingLawFit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtrapolationTest {

  private static final int DISTRIBUTIONS = 6;

  /**
   * Losses that follow L_k(C) = 2 - 0.06 k + (0.5 + 0.3 k) (C / 1e15)^(-0.3) exactly (plus the same
   * per-example offset everywhere). Up to the largest proxy (64 x 1e15) a larger k has a higher
   * loss; at the reference (1024 x 1e15) a lower one: every proxy orders every pair backwards,
   * while the law carries the order over.
   */
  private static LossCube crossing(double... proxyMultiples) {
    List<SyntheticCube.Scale> scales = new ArrayList<>();
    for (int s = 0; s < proxyMultiples.length; s++) {
      scales.add(law("p" + s, proxyMultiples[s]));
    }
    scales.add(law("ref", 1024));
    return SyntheticCube.build(scales, DISTRIBUTIONS, 1, 4, 5L);
  }

  private static SyntheticCube.Scale law(String name, double multiple) {
    double u = Math.pow(multiple, -0.3);
    // SyntheticCube gives distribution k the effect e = 0.1 k; the response is L_k(C) - 2.
    return new SyntheticCube.Scale(
        name, 1e15 * multiple, new double[] {0}, e -> -0.6 * e + (0.5 + 3 * e) * u);
  }

  private static AnalysisOptions options() {
    return new AnalysisOptions(
        "ref", 300, 23, 0.95, RecommendationMetric.DECISION_ACCURACY, 0.8, 6, 10);
  }

  @Test
  void theLawCarriesTheOrderingPastEverySingleProxy() {
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(crossing(1, 4, 16, 64), options());
    assertThat(result.extrapolation()).hasSize(1);
    Extrapolation baseline = result.extrapolation().get(0);
    assertThat(baseline.reason()).isNull();
    assertThat(baseline.evalSet()).isEqualTo("set0");
    assertThat(baseline.proxyScales()).containsExactly("p0", "p1", "p2", "p3");
    assertThat(baseline.referenceFlops()).isEqualTo(1.024e18);
    assertThat(baseline.statistics().decisionAccuracy()).isEqualTo(1.0);
    assertThat(baseline.statistics().pearsonR()).isGreaterThan(0.9999);
    assertThat(baseline.bestProxyDecisionAccuracy()).isEqualTo(0.0);
    assertThat(baseline.bestProxyScale()).isEqualTo("p0");
    // Losses are stored as float32, so the law is exact to about 1e-7 per point.
    assertThat(baseline.meanAbsoluteError()).isLessThan(1e-5);
    assertThat(baseline.rootMeanSquaredError())
        .isGreaterThanOrEqualTo(baseline.meanAbsoluteError())
        .isLessThan(1e-5);
    for (ScalingLawFit fit : baseline.fits()) {
      assertThat(fit.alpha()).isCloseTo(0.3, within(1e-3));
      assertThat(fit.computeUnit()).isEqualTo(1e15);
    }
    assertThat(baseline.fits().get(5).a()).isCloseTo(2.0, within(1e-3));
  }

  @Test
  void predictionsAreEachDistributionsLawAtTheReferenceScoredLikeAProxy() {
    AnalysisOptions options = options();
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(crossing(1, 2, 8, 32, 64), options);
    Extrapolation baseline = result.extrapolation().get(0);
    List<ProxyEvalResult> entries = result.entries();
    double[] compute = entries.stream().mapToDouble(ProxyEvalResult::proxyFlops).toArray();
    double absolute = 0;
    for (int k = 0; k < DISTRIBUTIONS; k++) {
      int d = k;
      double[] losses = entries.stream().mapToDouble(e -> e.proxyLosses()[d]).toArray();
      double predicted = ScalingLawFit.of(compute, losses).predict(baseline.referenceFlops());
      assertThat(baseline.predictedLosses()[k]).isEqualTo(predicted);
      assertThat(baseline.referenceLosses()[k]).isEqualTo(entries.get(0).referenceLosses()[k]);
      absolute += Math.abs(predicted - baseline.referenceLosses()[k]);
    }
    assertThat(baseline.meanAbsoluteError()).isCloseTo(absolute / DISTRIBUTIONS, within(1e-15));
    Bootstrap bootstrap =
        new Bootstrap(
            options.resamples(),
            ScaleCorrelationAnalysis.streamSeed(options.seed(), entries.size(), 0));
    assertThat(baseline.ci95())
        .isEqualTo(
            ScaleCorrelationBootstrap.intervals(
                baseline.predictedLosses(), baseline.referenceLosses(), bootstrap, 0.95));
  }

  @Test
  void fewerThanThreeProxiesLeaveTheBaselineOutWithAReason() {
    AnalysisResult result =
        ScaleCorrelationAnalysis.analyze(GoldenCube.build(), AnalysisOptions.defaults("l"));
    assertThat(result.extrapolation()).hasSize(2);
    for (int j = 0; j < 2; j++) {
      Extrapolation absent = result.extrapolation().get(j);
      assertThat(absent.evalSet()).isEqualTo(GoldenCube.EVAL_SETS.get(j));
      assertThat(absent.reason()).contains("3 or more distinct compute values").endsWith("have 2");
      assertThat(absent.fits()).isEmpty();
      assertThat(absent.predictedLosses()).isNull();
      assertThat(absent.statistics()).isNull();
      assertThat(absent.ci95()).isNull();
      assertThat(absent.meanAbsoluteError()).isNaN();
    }
    // README "Scale-correlation analysis": decision accuracy 1.0 for s and m on lm, 0.9 / 1.0 on
    // mc; the best single proxy is still reported, the first in study order on a tie.
    assertThat(result.extrapolation().get(0).bestProxyScale()).isEqualTo("s");
    assertThat(result.extrapolation().get(0).bestProxyDecisionAccuracy()).isEqualTo(1.0);
    assertThat(result.extrapolation().get(1).bestProxyScale()).isEqualTo("m");
    assertThat(result.extrapolation().get(1).bestProxyDecisionAccuracy()).isEqualTo(1.0);
  }
}
