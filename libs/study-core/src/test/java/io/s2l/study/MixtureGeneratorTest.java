package io.s2l.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixtureGeneratorTest {

  static final List<String> DOMAINS = List.of("a", "b", "c", "d");

  @Test
  void dirichletMixturesAreSeededAndSumToOne() {
    List<MixtureSpec> first = MixtureGenerator.dirichlet(DOMAINS, 50, 0.7, 42);
    List<MixtureSpec> again = MixtureGenerator.dirichlet(DOMAINS, 50, 0.7, 42);
    List<MixtureSpec> other = MixtureGenerator.dirichlet(DOMAINS, 50, 0.7, 43);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    for (MixtureSpec m : first) {
      assertThat(m.weights().keySet()).containsExactlyElementsOf(DOMAINS);
      assertThat(m.weights().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, offset(1e-12));
      assertThat(m.weights().values()).allMatch(w -> w >= 0);
    }
  }

  @Test
  void dirichletMomentsMatchTheClosedForm() {
    // Dirichlet(alpha, K): E[w_i] = 1/K, Var[w_i] = (K-1) / (K^2 (K alpha + 1)).
    double alpha = 0.5;
    int k = DOMAINS.size();
    int n = 40_000;
    List<MixtureSpec> draws = MixtureGenerator.dirichlet(DOMAINS, n, alpha, 7);
    double sum = 0;
    double sumSq = 0;
    for (MixtureSpec m : draws) {
      double w = m.weights().get("a");
      sum += w;
      sumSq += w * w;
    }
    double mean = sum / n;
    double variance = sumSq / n - mean * mean;
    double expectedVariance = (k - 1.0) / (k * k * (k * alpha + 1));
    assertThat(mean).isCloseTo(1.0 / k, offset(0.005));
    assertThat(variance).isCloseTo(expectedVariance, offset(0.004));
  }

  @Test
  void gammaMeanAndVarianceEqualTheShape() {
    // Gamma(shape, 1): mean = variance = shape; checks both branches (shape < 1 and >= 1).
    for (double shape : new double[] {0.3, 2.5}) {
      SplittableRandom random = new SplittableRandom(11);
      int n = 100_000;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double g = MixtureGenerator.gamma(shape, random);
        sum += g;
        sumSq += g * g;
      }
      double mean = sum / n;
      assertThat(mean).isCloseTo(shape, offset(0.03 * Math.max(1, shape)));
      assertThat(sumSq / n - mean * mean).isCloseTo(shape, offset(0.06 * Math.max(1, shape)));
    }
  }

  @Test
  void leaveOneOutDropsExactlyOneDomainEach() {
    List<MixtureSpec> mixtures = MixtureGenerator.leaveOneOut(DOMAINS);
    assertThat(mixtures)
        .extracting(MixtureSpec::name)
        .containsExactly("without-a", "without-b", "without-c", "without-d");
    for (int i = 0; i < DOMAINS.size(); i++) {
      MixtureSpec m = mixtures.get(i);
      assertThat(m.weights().get(DOMAINS.get(i))).isZero();
      assertThat(m.weights().values().stream().filter(w -> w > 0))
          .hasSize(3)
          .allMatch(w -> Math.abs(w - 1.0 / 3) < 1e-12);
    }
  }

  @Test
  void expansionMakesOneJobPerScaleDistributionAndSeed() {
    StudyDefinition s = StudyValidatorTest.valid();
    StudyDefinition twoSeeds =
        new StudyDefinition(
            s.name(),
            null,
            s.distributions(),
            new GeneratedMixtures(new GeneratedMixtures.Dirichlet(2, 1.0, 5L), true),
            s.scales(),
            "big",
            20.0,
            List.of(1L, 2L),
            null,
            null);
    StudyPlan plan = StudyPlan.expand(twoSeeds, StudyValidatorTest.CATALOG);
    // 3 explicit + 2 Dirichlet + 3 leave-one-out distributions, 2 scales, 2 seeds
    assertThat(plan.distributions()).hasSize(8);
    assertThat(plan.jobs()).hasSize(2 * 8 * 2);
    assertThat(plan.jobs()).extracting(TrainingJobSpec::key).doesNotHaveDuplicates();
    assertThat(plan.evalSets()).isEqualTo(StudyValidatorTest.CATALOG.evalSets());
    TrainingJobSpec first = plan.jobs().get(0);
    assertThat(first.tokenBudget())
        .isEqualTo((long) Math.ceil(20.0 * first.scale().nonEmbeddingParams()));
    assertThat(first.training()).isEqualTo(TrainingSettings.DEFAULTS);
  }
}
