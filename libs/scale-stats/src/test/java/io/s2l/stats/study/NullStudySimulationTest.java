package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.stats.Interval;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Simulated studies with the default options (docs/science.md section 2.8). Null studies: the
 * proxy's and the reference's distribution effects are independent standard normals, so the true
 * decision accuracy is 0.5; no recommendation should follow, and the 95% interval of decision
 * accuracy should cover 0.5. Related studies: the proxy sees the reference's effect plus small
 * noise, and a recommendation should follow. The measured rates are printed.
 */
class NullStudySimulationTest {

  private static final int NULL_STUDIES = 300;

  private static final int RELATED_STUDIES = 100;

  /** Rates over seeded studies of K distributions. */
  private record Rates(double recommended, double boundClears, double significant, double covers) {}

  /**
   * One evaluation set of 4 examples, one seed; the loss of example z after training on D_k is 2 +
   * e_{s,k} + 0.01 z with e_ref ~ N(0, 1) and e_proxy = relation e_ref + N(0, 1) * noise.
   */
  private static LossCube study(int distributions, double relation, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> names = IntStream.range(0, distributions).mapToObj(k -> "d" + k).toList();
    LossCube.Builder builder =
        LossCube.builder(List.of("proxy", "ref"), names, List.of(0L))
            .evalSet("set", 4, null)
            .scaleCompute("proxy", 1_000_000, 1e15)
            .scaleCompute("ref", 100_000_000, 1e18);
    for (String name : names) {
      double reference = random.nextGaussian();
      double proxy = relation * reference + noise * random.nextGaussian();
      builder.losses("proxy", name, 0L, "set", losses(proxy), null);
      builder.losses("ref", name, 0L, "set", losses(reference), null);
    }
    return builder.build();
  }

  private static float[] losses(double effect) {
    float[] losses = new float[4];
    for (int z = 0; z < losses.length; z++) {
      losses[z] = (float) (2 + effect + 0.01 * z);
    }
    return losses;
  }

  private static Rates simulate(int distributions, double relation, double noise, int studies) {
    AnalysisOptions options = AnalysisOptions.defaults("ref");
    int recommended = 0;
    int boundClears = 0;
    int significant = 0;
    int covers = 0;
    for (int i = 0; i < studies; i++) {
      long seed = 1000L * distributions + i;
      AnalysisResult result =
          ScaleCorrelationAnalysis.analyze(study(distributions, relation, noise, seed), options);
      ProxyEvalResult entry = result.entries().get(0);
      Interval decision = entry.ci95().get("decisionAccuracy");
      recommended += result.recommendation().recommendedScale() != null ? 1 : 0;
      // What the rule would do without the permutation test: sign and bound only.
      boundClears +=
          Recommender.surelyPositive(entry) && decision.low() >= options.threshold() ? 1 : 0;
      significant += Recommender.significant(entry, options) ? 1 : 0;
      covers += decision.low() <= 0.5 && 0.5 <= decision.high() ? 1 : 0;
    }
    Rates rates =
        new Rates(
            (double) recommended / studies,
            (double) boundClears / studies,
            (double) significant / studies,
            (double) covers / studies);
    System.out.printf(
        "simulation K = %d, relation %.1f, noise %.2f, threshold %.2f, %d studies, %d resamples, %s:"
            + " recommended %.4f, bound and sign alone %.4f, decision accuracy p <= 0.05 %.4f,"
            + " 95%% interval covers 0.5 %.4f%n",
        distributions,
        relation,
        noise,
        options.threshold(),
        studies,
        options.resamples(),
        entryMethod(distributions),
        rates.recommended(),
        rates.boundClears(),
        rates.significant(),
        rates.covers());
    return rates;
  }

  private static String entryMethod(int distributions) {
    return distributions <= 8 ? "exact permutations" : "9999 random permutations";
  }

  @Test
  void unrelatedProxiesAreRarelyRecommendedAndTheIntervalCoversChance() {
    for (int distributions : new int[] {6, 16}) {
      Rates rates = simulate(distributions, 0.0, 1.0, NULL_STUDIES);
      assertThat(rates.recommended())
          .as("false recommendations, K = %d", distributions)
          .isLessThanOrEqualTo(0.05);
      assertThat(rates.covers())
          .as("coverage of 0.5, K = %d", distributions)
          .isGreaterThanOrEqualTo(0.90);
      // The permutation test holds its level: at most 5% plus three binomial standard errors.
      assertThat(rates.significant())
          .as("p <= 0.05 under the null, K = %d", distributions)
          .isLessThanOrEqualTo(0.05 + 3 * Math.sqrt(0.05 * 0.95 / NULL_STUDIES));
    }
  }

  @Test
  void closelyRelatedProxiesAreRecommended() {
    for (int distributions : new int[] {6, 16}) {
      Rates rates = simulate(distributions, 1.0, 0.05, RELATED_STUDIES);
      assertThat(rates.recommended())
          .as("recommendations, K = %d", distributions)
          .isGreaterThanOrEqualTo(0.75);
      assertThat(rates.significant())
          .as("p <= 0.05, K = %d", distributions)
          .isGreaterThanOrEqualTo(0.95);
    }
  }
}
