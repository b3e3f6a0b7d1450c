package io.s2l.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexDrawsTest {

  @Test
  void wordsAreThoseOfSplittableRandom() {
    // With n = 2^16 no half is rejected (2^32 mod n = 0) and a half maps to its top 16 bits.
    int n = 65536;
    IndexDraws draws = new IndexDraws(42L, n);
    SplittableRandom random = new SplittableRandom(42L);
    int[] indices = new int[n];
    draws.next(indices);
    for (int i = 0; i < n; i += 2) {
      long word = random.nextLong();
      assertThat(indices[i]).isEqualTo((int) ((word & 0xFFFFFFFFL) >>> 16));
      assertThat(indices[i + 1]).isEqualTo((int) (word >>> 48));
    }
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {1, 2, 7, 10, 1001})
  void theSumSeesTheSameDrawsAsTheIndicesEvenWithRejections(int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = Math.scalb(1.0, i % 40); // magnitudes 1 to 2^39: a wrong draw shows in the sum
    }
    // Threshold 2^31 rejects about half of the halves, exercising every branch.
    for (long threshold : new long[] {(1L << 32) % n, 1L << 31}) {
      IndexDraws indexed = new IndexDraws(9L, n, threshold);
      IndexDraws summed = new IndexDraws(9L, n, threshold);
      int[] indices = new int[n];
      for (int b = 0; b < 50; b++) {
        indexed.next(indices);
        double expected = 0;
        for (int j : indices) {
          assertThat(j).isBetween(0, n - 1);
          expected += values[j];
        }
        assertThat(summed.sumOfNext(values)).isCloseTo(expected, within(1e-12 * expected));
      }
    }
  }

  @Test
  void indicesAreUniform() {
    int n = 10;
    IndexDraws draws = new IndexDraws(3L, n);
    int[] indices = new int[n];
    long[] counts = new long[n];
    for (int b = 0; b < 20_000; b++) {
      draws.next(indices);
      for (int j : indices) {
        counts[j]++;
      }
    }
    // 200,000 draws: each count is 20,000 +- 134 (sd); 6 sd is 800.
    for (long count : counts) {
      assertThat(count).isBetween(19_200L, 20_800L);
    }
  }
}
