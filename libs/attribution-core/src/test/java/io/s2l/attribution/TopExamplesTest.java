package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.attribution.TopExamples.Ranked;
import org.junit.jupiter.api.Test;

class TopExamplesTest {

  private static final Scores SCORES =
      new Scores(2, 6, new float[] {0.5f, -1, 2, 0, -3, 2, 9, 9, 9, 9, 9, 9});

  @Test
  void helpfulAreTheLargestPositiveScoresTiesByIndex() {
    assertThat(TopExamples.helpful(SCORES, 0, 2))
        .containsExactly(new Ranked(2, 2f), new Ranked(5, 2f));
    assertThat(TopExamples.helpful(SCORES, 0, 10))
        .containsExactly(new Ranked(2, 2f), new Ranked(5, 2f), new Ranked(0, 0.5f));
  }

  @Test
  void harmfulAreTheMostNegativeScores() {
    assertThat(TopExamples.harmful(SCORES, 0, 1)).containsExactly(new Ranked(4, -3f));
    assertThat(TopExamples.harmful(SCORES, 0, 5))
        .containsExactly(new Ranked(4, -3f), new Ranked(1, -1f));
    assertThat(TopExamples.harmful(SCORES, 1, 5)).isEmpty();
  }

  @Test
  void refusesBadArguments() {
    assertThatThrownBy(() -> TopExamples.helpful(SCORES, 2, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> TopExamples.harmful(SCORES, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
