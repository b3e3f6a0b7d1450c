package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LmBatchTest {

  @Test
  void documentsArePackedWindowByWindowWithMinusOneOverTheScoredBytes() {
    // 10 bytes at context 4: windows [5,10) [1,6) [0,2): 4, 4 and 1 predictions
    LmExample doc = LmExample.document("abcdefghij", 256);
    LmExample shortDoc = LmExample.document("xyz", 256);
    LmBatch batch = LmBatch.of(List.of(doc, shortDoc), 4);
    assertThat(batch.rows).isEqualTo(3);
    assertThat(batch.time).isEqualTo(4);
    assertThat(batch.segments).isEqualTo(1);
    int n = batch.positions();
    // example 0, row 0 = window [5, 10): inputs f g h i, targets g h i j
    assertThat(slice(batch.tokens, 0, 4)).containsExactly('f', 'g', 'h', 'i');
    assertThat(slice(batch.targets, 0, 4)).containsExactly('g', 'h', 'i', 'j');
    // row 2 = window [0, 2): input a predicting b, then padding
    assertThat(slice(batch.tokens, 8, 4)).containsExactly('a', 0, 0, 0);
    double sum = 0;
    int scored = 0;
    for (int i = 0; i < n; i++) {
      sum += batch.weights[i];
      scored += batch.weights[i] != 0 ? 1 : 0;
    }
    assertThat(scored).isEqualTo(9);
    assertThat(sum).isCloseTo(-1, within(1e-6));
    // window [1, 6) scores only what [5, 10) does not: bytes 2..5, positions 0..3 of row 1
    for (int i = 0; i < 4; i++) {
      assertThat(batch.weights[4 + i]).isEqualTo(-1f / 9);
    }
    // example 1: one window of 2 predictions, rows 1 and 2 unused
    assertThat(slice(batch.tokens, n, 4)).containsExactly('x', 'y', 0, 0);
    assertThat(slice(batch.weights, n, n))
        .containsExactly(-0.5f, -0.5f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    // stacked tables: example 1's bytes shifted by 256
    assertThat(batch.tokensIntoStackedTables(256)[n]).isEqualTo('x' + 256);
  }

  @Test
  void choicesAreSegmentsAndOnlyPresentOtherChoicesEnterTheLogSumExp() {
    LmExample two = LmExample.choice("", List.of("no", "yes"), 1);
    LmExample three = LmExample.choice("Q", List.of("a", "bb", "c"), 0);
    LmBatch batch = LmBatch.of(List.of(two, three), 8);
    assertThat(batch.segments).isEqualTo(3);
    assertThat(batch.rows).isEqualTo(3);
    float inf = Float.NEGATIVE_INFINITY;
    assertThat(batch.others).containsExactly(0, inf, inf, inf, 0, 0);
    assertThat(batch.labels).containsExactly(1, 0);
    int n = batch.positions();
    // example 0, choice 1 ("\nyes") is row 1: its three bytes weigh 1 in segment 1
    float[] segment1 = slice(batch.weights, n, n);
    double total = 0;
    for (float w : segment1) {
      total += w;
    }
    assertThat(total).isEqualTo(3);
    assertThat(slice(segment1, batch.time, 3)).containsExactly(1, 1, 1);
  }

  @Test
  void oneChunkHasOneOutputFunction() {
    assertThatThrownBy(
            () ->
                LmBatch.of(
                    List.of(
                        LmExample.document("abc", 256), LmExample.choice("", List.of("a", "b"), 0)),
                    8))
        .hasMessageContaining("mixes MEAN_LOSS and CHOICE_MARGIN");
  }

  private static long[] slice(long[] values, int from, int count) {
    return java.util.Arrays.copyOfRange(values, from, from + count);
  }

  private static float[] slice(float[] values, int from, int count) {
    return java.util.Arrays.copyOfRange(values, from, from + count);
  }
}
