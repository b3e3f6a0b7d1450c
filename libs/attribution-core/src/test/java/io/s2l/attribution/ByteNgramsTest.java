package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteNgramsTest {

  static final List<String> DOCUMENTS =
      List.of(
          "the cat sat on the mat",
          "stock prices fell sharply today",
          "a cat and a dog sat together",
          "zz",
          "théâtre café naïve");
  static final List<String> TARGETS = List.of("the cat sat", "where did the cat sit? on the mat");

  @Test
  void similaritiesAreThoseOfAnIndependentNumpyComputation() {
    // numpy 1.x, the recipe of the class Javadoc written out independently:
    //   v[((tri * 0x9E3779B1) & 0xFFFFFFFF) >> 16] += 1 over the UTF-8 trigrams, v /= norm(v),
    //   c = mean of the targets' v, similarity = v @ c / norm(c)
    double[] numpy = {0.864392641656395, 0.0, 0.3810143394321943, 0.0, 0.1500784671787058};
    assertThat(ByteNgrams.similarity(DOCUMENTS, TARGETS)).containsExactly(numpy, within(1e-12));
    assertThat(ByteNgrams.bucket((byte) 'a', (byte) 'b', (byte) 'c')).isEqualTo(16141);
  }

  @Test
  void selectsTheClosestDocumentsFirst() {
    assertThat(ByteNgrams.select(DOCUMENTS, TARGETS, 3)).containsExactly(0, 2, 4);
  }

  @Test
  void aTextShorterThanATrigramHasTheZeroVector() {
    assertThat(ByteNgrams.vector("ab")).containsOnly(0.0);
    double[] v = ByteNgrams.vector("abcabc");
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    assertThat(norm).isCloseTo(1.0, within(1e-12));
  }
}
