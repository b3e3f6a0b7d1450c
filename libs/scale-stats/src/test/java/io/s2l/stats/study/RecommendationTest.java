package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {

  private static final int DISTRIBUTIONS = 12;

  private static Recommendation recommend(
      LossCube cube, RecommendationMetric metric, double threshold) {
    AnalysisOptions options = new AnalysisOptions("ref", 500, 11L, 0.95, metric, threshold, 6, 20);
    return ScaleCorrelationAnalysis.analyze(cube, options).recommendation();
  }

  private static LossCube cube(SyntheticCube.Scale... proxies) {
    List<SyntheticCube.Scale> scales = new ArrayList<>(List.of(proxies));
    int sets = proxies[0].noise().length;
    double[] quiet = new double[sets];
    Arrays.fill(quiet, 0.05);
    scales.add(SyntheticCube.Scale.linear("ref", 1e18, quiet));
    return SyntheticCube.build(scales, DISTRIBUTIONS, 2, 30, 2024L);
  }

  @Test
  void picksTheCheapestProxyWhoseLowerBoundClearsOnEverySet() {
    // Study order is not compute order: the frontier sorts by compute.
    LossCube cube =
        cube(
            SyntheticCube.Scale.linear("mid", 1e16, 0.1, 0.1),
            SyntheticCube.Scale.linear("tiny", 1e14, 3.0, 3.0),
            SyntheticCube.Scale.linear("small", 1e15, 0.1, 0.1));
    Recommendation recommendation = recommend(cube, RecommendationMetric.DECISION_ACCURACY, 0.8);

    assertThat(recommendation.recommendedScale()).isEqualTo("small");
    assertThat(recommendation.metric()).isEqualTo(RecommendationMetric.DECISION_ACCURACY);
    assertThat(recommendation.threshold()).isEqualTo(0.8);
    assertThat(recommendation.frontier())
        .extracting(FrontierPoint::proxyScale)
        .containsExactly("tiny", "small", "mid");
    assertThat(recommendation.frontier())
        .extracting(FrontierPoint::clears)
        .containsExactly(false, true, true);
    FrontierPoint small = recommendation.frontier().get(1);
    assertThat(small.computeRatio()).isEqualTo(1000.0);
    assertThat(small.proxyFlops()).isEqualTo(1e15);
    assertThat(small.minLowerBound()).isGreaterThanOrEqualTo(0.8);
    assertThat(small.meanValue()).isGreaterThanOrEqualTo(small.minLowerBound());
    assertThat(recommendation.reason())
        .startsWith("small is the cheapest proxy (1000x less compute than ref)")
        .contains("lower 95% bound on decision accuracy reaches 0.8 on every evaluation set");
    assertThat(recommendation.byEvalSet())
        .containsEntry("set0", "small")
        .containsEntry("set1", "small");
  }

  @Test
  void noScaleWithAReasonWhenNoneClears() {
    LossCube cube =
        cube(
            SyntheticCube.Scale.linear("tiny", 1e14, 3.0),
            SyntheticCube.Scale.linear("small", 1e15, 2.0));
    Recommendation recommendation = recommend(cube, RecommendationMetric.DECISION_ACCURACY, 0.8);

    assertThat(recommendation.recommendedScale()).isNull();
    FrontierPoint best =
        recommendation.frontier().stream()
            .max(Comparator.comparingDouble(FrontierPoint::minLowerBound))
            .orElseThrow();
    assertThat(best.minLowerBound()).isLessThan(0.8);
    assertThat(recommendation.reason())
        .startsWith("no proxy's lower 95% bound on decision accuracy reaches 0.8")
        .contains("the best lowest bound is ")
        .endsWith("(scale " + best.proxyScale() + ")");
    assertThat(recommendation.byEvalSet()).containsEntry("set0", null);
  }

  @Test
  void honoursTheR2Metric() {
    // "bent" ranks distributions exactly as the reference does, along a strongly convex curve:
    // decision accuracy 1, R^2 well below 1. "straight" is linear but costs more.
    LossCube cube =
        cube(
            new SyntheticCube.Scale("bent", 1e14, new double[] {0.01}, e -> Math.exp(8 * e)),
            SyntheticCube.Scale.linear("straight", 1e15, 0.05));
    Recommendation byDecisions = recommend(cube, RecommendationMetric.DECISION_ACCURACY, 0.9);
    Recommendation byR2 = recommend(cube, RecommendationMetric.R2, 0.9);

    assertThat(byDecisions.recommendedScale()).isEqualTo("bent");
    assertThat(byR2.recommendedScale()).isEqualTo("straight");
    assertThat(byR2.metric()).isEqualTo(RecommendationMetric.R2);
    assertThat(byR2.frontier().get(0).proxyScale()).isEqualTo("bent");
    assertThat(byR2.frontier().get(0).clears()).isFalse();
    assertThat(byR2.reason()).contains("bound on R^2 reaches 0.9");
  }

  @Test
  void perSetRecommendationsNameTheCheapestProxyClearingThatSet() {
    // "tiny" is quiet on set0 but loud on set1.
    LossCube cube =
        cube(
            SyntheticCube.Scale.linear("tiny", 1e14, 0.1, 4.0),
            SyntheticCube.Scale.linear("small", 1e15, 0.1, 0.1));
    Recommendation recommendation = recommend(cube, RecommendationMetric.DECISION_ACCURACY, 0.8);

    assertThat(recommendation.byEvalSet().keySet()).containsExactly("set0", "set1");
    assertThat(recommendation.byEvalSet())
        .containsEntry("set0", "tiny")
        .containsEntry("set1", "small");
    assertThat(recommendation.recommendedScale()).isEqualTo("small");
  }

  @Test
  void anAntiCorrelatedProxyIsNeverRecommendedWhateverTheMetric() {
    // "backwards" orders every distribution opposite to the reference: r near -1, so R^2 = r^2
    // near 1 would clear an R^2 threshold were it not for the sign rule.
    LossCube cube =
        cube(
            new SyntheticCube.Scale("backwards", 1e14, new double[] {0.01}, e -> 1.1 - e),
            SyntheticCube.Scale.linear("straight", 1e16, 0.05));
    for (RecommendationMetric metric : RecommendationMetric.values()) {
      AnalysisOptions options = new AnalysisOptions("ref", 500, 11L, 0.95, metric, 0.0, 6, 20);
      AnalysisResult result = ScaleCorrelationAnalysis.analyze(cube, options);
      Recommendation recommendation = result.recommendation();
      ProxyEvalResult backwards = result.entries().get(0);
      assertThat(backwards.proxyScale()).isEqualTo("backwards");
      assertThat(backwards.statistics().pearsonR()).isLessThan(-0.99);
      assertThat(backwards.statistics().r2()).isGreaterThan(0.98);
      assertThat(backwards.ci95().get("r2").low()).isGreaterThan(0.9);
      // Threshold 0 lets every bound through: only the sign keeps "backwards" out.
      assertThat(recommendation.frontier().get(0).proxyScale()).isEqualTo("backwards");
      assertThat(recommendation.frontier().get(0).clears()).isFalse();
      assertThat(recommendation.recommendedScale()).isEqualTo("straight");
      assertThat(recommendation.byEvalSet()).containsEntry("set0", "straight");

      Recommendation alone =
          ScaleCorrelationAnalysis.analyze(
                  cube(
                      new SyntheticCube.Scale(
                          "backwards", 1e14, new double[] {0.01}, e -> 1.1 - e)),
                  new AnalysisOptions("ref", 500, 11L, 0.95, metric, 0.8, 6, 20))
              .recommendation();
      assertThat(alone.recommendedScale()).isNull();
      assertThat(alone.byEvalSet()).containsEntry("set0", null);
      assertThat(alone.reason())
          .contains(
              "never recommended, because Pearson r or its lower bound is not above 0 (the proxy"
                  + " orders distributions backwards, or may have no relation to the reference):"
                  + " backwards on set0 (r = -0.9");
    }
  }

  @Test
  void noRecommendationBelowTheMinimumNumberOfDistributions() {
    LossCube four = quietStudy(4);
    AnalysisOptions defaults = decisionOptions(6);
    Recommendation refused = ScaleCorrelationAnalysis.analyze(four, defaults).recommendation();

    assertThat(refused.recommendedScale()).isNull();
    assertThat(refused.frontier()).extracting(FrontierPoint::clears).containsExactly(false);
    assertThat(refused.byEvalSet()).containsEntry("set0", null);
    assertThat(refused.reason())
        .isEqualTo(
            "the study has K = 4 distributions, fewer than the minimum of 6 for a"
                + " recommendation; with so few, the bootstrap's bounds are not to be trusted");

    AnalysisOptions lowered = decisionOptions(4);
    assertThat(ScaleCorrelationAnalysis.analyze(four, lowered).recommendation().recommendedScale())
        .isEqualTo("small");
  }

  @Test
  void aPerfectOrderingOfThreeDistributionsIsNotSignificant() {
    // With K = 3 the smallest permutation p-value is 1/3! = 0.1667: a perfect ordering happens by
    // chance one time in six, however tight the bootstrap's interval of it.
    AnalysisResult result = ScaleCorrelationAnalysis.analyze(quietStudy(3), decisionOptions(3));
    ProxyEvalResult entry = result.entries().get(0);

    assertThat(entry.statistics().decisionAccuracy()).isEqualTo(1.0);
    assertThat(entry.ci95().get("decisionAccuracy").low()).isEqualTo(1.0);
    assertThat(Recommender.surelyPositive(entry)).isTrue();
    assertThat(entry.permutation().decisionAccuracy()).isEqualTo(1.0 / 6);
    assertThat(entry.permutation().method()).isEqualTo("exact");
    Recommendation recommendation = result.recommendation();
    assertThat(recommendation.recommendedScale()).isNull();
    assertThat(recommendation.frontier()).extracting(FrontierPoint::clears).containsExactly(false);
    assertThat(recommendation.reason())
        .startsWith("no proxy's lower 95% bound on decision accuracy reaches 0.8")
        .endsWith(
            "; never recommended, because decision accuracy's permutation p-value against no"
                + " relation is above 0.05 (the ordering may be chance): small on set0 (p ="
                + " 0.1667, exact)");
  }

  /** A quiet proxy "small" and the reference "ref" over the given number of distributions. */
  private static LossCube quietStudy(int distributions) {
    List<SyntheticCube.Scale> scales =
        List.of(
            SyntheticCube.Scale.linear("small", 1e15, 0.01),
            SyntheticCube.Scale.linear("ref", 1e18, 0.01));
    return SyntheticCube.build(scales, distributions, 2, 30, 2024L);
  }

  private static AnalysisOptions decisionOptions(int minDistributions) {
    return new AnalysisOptions(
        "ref", 500, 11L, 0.95, RecommendationMetric.DECISION_ACCURACY, 0.8, minDistributions, 20);
  }
}
