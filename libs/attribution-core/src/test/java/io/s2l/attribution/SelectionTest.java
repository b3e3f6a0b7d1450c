package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {

  // 3 targets x 5 pool examples
  private static final Scores SCORES =
      new Scores(
          3,
          5,
          new float[] {
            0.5f, -1f, 2f, 0f, 1f, //
            1.5f, -1f, 0f, 0f, 1f, //
            9f, 9f, 9f, 9f, 9f
          });

  @Test
  void dsdmTakesTheHighestMeanScoreOverTheChosenTargets() {
    // means over targets 0 and 1: 1.0, -1.0, 1.0, 0.0, 1.0 -> ties broken by the lower index
    assertThat(DsDm.meanScore(SCORES, new int[] {0, 1})).containsExactly(1.0, -1.0, 1.0, 0.0, 1.0);
    assertThat(DsDm.select(SCORES, new int[] {0, 1}, 3)).containsExactly(0, 2, 4);
    assertThat(DsDm.select(SCORES, new int[] {0}, 2)).containsExactly(2, 4);
  }

  @Test
  void predictedLossRemovesTheScoresOfLeftOutExamples() {
    boolean[] subset = {true, false, true, false, false};
    double[] poolMargins = {1.0, 0.0, 0.0};
    // target 0: 1 - (-1 + 0 + 1) = 1; target 1: 0 - (-1 + 0 + 1) = 0
    double expected = (Math.log1p(Math.exp(-1.0)) + Math.log(2.0)) / 2;
    assertThat(DsDm.predictedLoss(SCORES, new int[] {0, 1}, poolMargins, subset))
        .isCloseTo(expected, within(1e-12));
    // the whole pool predicts the pool models' own loss
    boolean[] all = {true, true, true, true, true};
    assertThat(DsDm.predictedLoss(SCORES, new int[] {2}, poolMargins, all))
        .isCloseTo(Math.log(2.0), within(1e-12));
  }

  @Test
  void predictedTextLossIsMinusTheOutputOfAnswersAndTheSoftplusOfChoices() {
    boolean[] subset = {true, false, true, false, false};
    double[] poolOutputs = {-2.0, 0.5, 0.0};
    boolean[] choice = {false, true, false};
    // o'(0) = -2 - (-1 + 0 + 1) = -2 -> loss 2; o'(1) = 0.5 - 0 = 0.5 -> log(1 + e^-0.5)
    double expected = (2.0 + Math.log1p(Math.exp(-0.5))) / 2;
    assertThat(DsDm.predictedTextLoss(SCORES, new int[] {0, 1}, poolOutputs, subset, choice))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void softplusIsStableForLargeArguments() {
    assertThat(DsDm.softplus(1000)).isCloseTo(1000, within(1e-9));
    assertThat(DsDm.softplus(-1000)).isCloseTo(0, within(1e-300));
    assertThat(DsDm.softplus(0)).isCloseTo(Math.log(2), within(1e-15));
  }

  @Test
  void randomDrawsAreDistinctSortedAndSeeded() {
    int[] a = Baselines.random(100, 30, 7);
    assertThat(a).hasSize(30).isSorted();
    Set<Integer> distinct = new HashSet<>();
    Arrays.stream(a).forEach(distinct::add);
    assertThat(distinct).hasSize(30);
    assertThat(Baselines.random(100, 30, 7)).containsExactly(a);
    assertThat(Baselines.random(100, 30, 8)).isNotEqualTo(a);
    assertThat(Baselines.random(5, 5, 1)).containsExactly(0, 1, 2, 3, 4);
    assertThatThrownBy(() -> Baselines.random(5, 6, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomDrawsAreUniform() {
    int[] counts = new int[10];
    for (long seed = 0; seed < 20_000; seed++) {
      for (int i : Baselines.random(10, 3, seed)) {
        counts[i]++;
      }
    }
    // each index is drawn with probability 3/10: 6,000 expected, sd ~65
    for (int c : counts) {
      assertThat(c).isBetween(5_700, 6_300);
    }
  }

  @Test
  void similarityPicksTheExamplesAlignedWithTheTargetCentroid() {
    float[][] pool = {{1, 0}, {0, 1}, {1, 1}, {2, 0.1f}, {-1, 0}};
    float[][] targets = {{1, 0}, {3, 0}};
    // cosine to (2, 0): 1, 0, 0.707, 0.9988, -1
    assertThat(Baselines.similarity(pool, targets, 3)).containsExactly(0, 3, 2);
  }
}
