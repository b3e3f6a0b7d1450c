package io.s2l.stats;

import static io.s2l.stats.GoldenData.REL_1E9;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NullR2} against scipy 1.17.1 (numpy 2.4.6, python 3.11.7), printed by the script "Noise
 * ceiling and null levels" in src/test/resources/golden/README.md; a = 0.5, b = (K - 2) / 2.
 */
class NullR2Test {

  /**
   * @param mean stats.beta.mean(a, b)
   * @param ppf95 stats.beta.ppf(0.95, a, b)
   * @param cdf03 stats.beta.cdf(0.3, a, b)
   * @param cdf001 stats.beta.cdf(0.01, a, b)
   */
  record Golden(int k, double mean, double ppf95, double cdf03, double cdf001) {}

  static Stream<Golden> goldens() {
    return Stream.of(
        new Golden(3, 0.5, 0.9938441702975689, 0.36901011956554536, 0.06376856085851985),
        new Golden(4, 0.3333333333333333, 0.9024999999999999, 0.5477225575051661, 0.1),
        new Golden(5, 0.25, 0.7714801861936711, 0.6607459491435457, 0.1271114284304618),
        new Golden(6, 0.2, 0.6583721538643488, 0.7394254526319747, 0.14949999999999997),
        new Golden(
            7, 0.16666666666666666, 0.5692585318618988, 0.7968893362799453, 0.1689177210279435),
        new Golden(
            10, 0.1111111111111111, 0.399293647642756, 0.8987784842061337, 0.21657559374999993),
        new Golden(11, 0.1, 0.36248681276449385, 0.9188738111541594, 0.2301250001078634),
        new Golden(
            50, 0.02040816326530612, 0.0776795947789065, 0.9999615880962046, 0.5104074482388232),
        new Golden(1001, 0.001, 0.0038398374628429693, 1.0, 0.9984642861578636));
  }

  @ParameterizedTest(name = "K = {0}")
  @MethodSource("goldens")
  void matchesScipyBeta(Golden golden) {
    assertThat(NullR2.mean(golden.k())).isCloseTo(golden.mean(), REL_1E9);
    assertThat(NullR2.quantile(golden.k(), 0.95)).isCloseTo(golden.ppf95(), REL_1E9);
    assertThat(NullR2.cdf(golden.k(), 0.3)).isCloseTo(golden.cdf03(), REL_1E9);
    assertThat(NullR2.cdf(golden.k(), 0.01)).isCloseTo(golden.cdf001(), REL_1E9);
  }

  @Test
  void closedFormsOfTheSmallestStudies() {
    // K = 3: F(c) = (2/pi) asin(sqrt(c)), so the 0.95-quantile is sin(0.95 pi / 2)^2.
    assertThat(NullR2.quantile(3, 0.95))
        .isCloseTo(Math.pow(Math.sin(0.95 * Math.PI / 2), 2), REL_1E9);
    // K = 4: F(c) = sqrt(c), so the quantile is 0.95^2.
    assertThat(NullR2.quantile(4, 0.95)).isCloseTo(0.9025, REL_1E9);
    assertThat(NullR2.cdf(7, 0)).isZero();
    assertThat(NullR2.cdf(7, 1)).isEqualTo(1.0);
  }

  @Test
  void simulatedIndependentNormalsAgree() {
    // 20000 independent normal samples of K = 10: the mean r^2 is within 4 standard errors of
    // 1/9, and about 5% exceed the 0.95-quantile.
    SplittableRandom random = new SplittableRandom(11);
    int k = 10;
    int studies = 20_000;
    double sum = 0;
    double sumSquares = 0;
    int above = 0;
    double q95 = NullR2.quantile(k, 0.95);
    for (int s = 0; s < studies; s++) {
      double[] x = new double[k];
      double[] y = new double[k];
      for (int i = 0; i < k; i++) {
        x[i] = random.nextGaussian();
        y[i] = random.nextGaussian();
      }
      double r = Correlation.pearson(x, y);
      sum += r * r;
      sumSquares += r * r * r * r;
      above += r * r > q95 ? 1 : 0;
    }
    double mean = sum / studies;
    double se = Math.sqrt((sumSquares / studies - mean * mean) / studies);
    assertThat(Math.abs(mean - NullR2.mean(k))).isLessThan(4 * se);
    double share = (double) above / studies;
    assertThat(Math.abs(share - 0.05)).isLessThan(4 * Math.sqrt(0.05 * 0.95 / studies));
  }

  @Test
  void refusesTooFewDistributionsAndBadLevels() {
    assertThatThrownBy(() -> NullR2.mean(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NullR2.quantile(5, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NullR2.cdf(5, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
