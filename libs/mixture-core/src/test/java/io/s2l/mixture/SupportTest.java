package io.s2l.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.s2l.study.MixtureGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportTest {

  /** Proxy mixtures over domains 0, 1 and 3 of four: domain 2 is never trained on. */
  static double[][] withoutDomainTwo(int n, long seed) {
    double[][] three = MixtureModelTest.mixtures(n, 3, seed);
    double[][] w = new double[n][];
    for (int i = 0; i < n; i++) {
      w[i] = new double[] {three[i][0], three[i][1], 0.0, three[i][2]};
    }
    return w;
  }

  @Test
  void aDomainNoProxyRunTrainedOnGetsNoWeight() {
    double[][] w = withoutDomainTwo(30, 11);
    double[] y = new double[w.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 3.0 * w[i][0] + 2.0 * w[i][1] + 2.5 * w[i][3];
    }
    LinearMixtureModel model = LinearMixtureModel.fit(w, y);
    // the ridge leaves the unseen domain's coefficient at 0: read as zero loss
    assertThat(model.coefficients()[2]).isCloseTo(0.0, within(1e-6));
    List<double[]> everywhere = List.of(MixtureModelTest.mixtures(2000, 4, 12));
    assertThat(MixtureSearch.topK(model, everywhere, 100).weights()[2]).isGreaterThan(0.5);

    Support support = Support.of(w);
    assertThat(support.varies(2)).isFalse();
    assertThat(support.fixedWeight(2)).isZero();
    List<double[]> inside = support.candidates(2000, 12);
    assertThat(inside).hasSize(2000).allSatisfy(c -> assertThat(c[2]).isZero());
    MixtureSearch.Best best = MixtureSearch.topK(model, inside, 100);
    assertThat(best.weights()[2]).isZero();
    // the cheapest trained-on domain (1) leads
    assertThat(best.weights()[1]).isGreaterThan(0.6);
    assertThat(best.weights()[0] + best.weights()[1] + best.weights()[3])
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aDomainWithTheSameWeightInEveryRunKeepsIt() {
    double[][] w = withoutDomainTwo(10, 13);
    for (double[] row : w) {
      for (int d : new int[] {0, 1, 3}) {
        row[d] *= 0.8;
      }
      row[2] = 0.2;
    }
    Support support = Support.of(w);
    assertThat(support.varies(0)).isTrue();
    assertThat(support.varies(2)).isFalse();
    assertThat(support.fixedWeight(2)).isEqualTo(0.2);
    for (double[] c : support.candidates(50, 1)) {
      assertThat(c[2]).isEqualTo(0.2);
      assertThat(c[0] + c[1] + c[2] + c[3]).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void withEveryDomainVaryingTheCandidatesAreTheFlatDirichletDraws() {
    Support support = Support.of(MixtureModelTest.mixtures(10, 3, 5));
    List<double[]> candidates = support.candidates(20, 9);
    List<String> domains = List.of("a", "b", "c");
    var draws = MixtureGenerator.dirichlet(domains, 20, 1.0, 9);
    for (int i = 0; i < 20; i++) {
      for (int d = 0; d < 3; d++) {
        assertThat(candidates.get(i)[d])
            .isCloseTo(draws.get(i).weights().get(domains.get(d)), within(1e-15));
      }
    }
    assertThat(Support.of(new double[][] {{0.5, 0.5}, {0.5, 0.5}}).candidates(20, 1))
        .singleElement()
        .satisfies(c -> assertThat(c).containsExactly(0.5, 0.5));
  }
}
