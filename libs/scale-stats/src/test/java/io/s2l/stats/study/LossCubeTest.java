package io.s2l.stats.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossCubeTest {

  private static final List<String> SCALES = List.of("s", "l");
  private static final List<String> DISTRIBUTIONS = List.of("a", "b", "c");
  private static final List<Long> SEEDS = List.of(3L, 4L);

  /** Compute for both scales, "lm" (2 examples, no accuracy) and "mc" (2 examples, chance 0.5). */
  private static LossCube.Builder declared() {
    return LossCube.builder(SCALES, DISTRIBUTIONS, SEEDS)
        .scaleCompute("s", 100, 6e5)
        .scaleCompute("l", 1000, 6e7)
        .evalSet("lm", 2, null)
        .evalSet("mc", 2, 0.5);
  }

  /** Every cell, except the one named by skip (scale/distribution/seed/set), if any. */
  private static LossCube.Builder filled(String skip) {
    LossCube.Builder builder = declared();
    for (String s : SCALES) {
      for (String d : DISTRIBUTIONS) {
        for (long r : SEEDS) {
          for (String set : List.of("lm", "mc")) {
            if ((s + "/" + d + "/" + r + "/" + set).equals(skip)) {
              continue;
            }
            boolean[] correct = set.equals("mc") ? new boolean[] {true, false} : null;
            builder.losses(s, d, r, set, new float[] {1, 2}, correct);
          }
        }
      }
    }
    return builder;
  }

  @Test
  void aCompleteCubeAnswersByName() {
    float[] losses = {0.5f, 0.25f};
    boolean[] correct = {true, true};
    LossCube cube = filled("l/b/4/mc").losses("l", "b", 4L, "mc", losses, correct).build();

    assertThat(cube.scales()).isEqualTo(SCALES);
    assertThat(cube.distributions()).isEqualTo(DISTRIBUTIONS);
    assertThat(cube.seeds()).isEqualTo(SEEDS);
    assertThat(cube.evalSets()).containsExactly("lm", "mc");
    assertThat(cube.params("l")).isEqualTo(1000);
    assertThat(cube.flops("s")).isEqualTo(6e5);
    assertThat(cube.examples("mc")).isEqualTo(2);
    assertThat(cube.chance("lm")).isNull();
    assertThat(cube.chance("mc")).isEqualTo(0.5);
    assertThat(cube.losses("l", "b", 4L, "mc")).isSameAs(losses);
    assertThat(cube.correct("l", "b", 4L, "mc")).isSameAs(correct);
    assertThat(cube.correct("l", "b", 4L, "lm")).isNull();
    assertThatThrownBy(() -> cube.losses("l", "z", 4L, "mc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown distribution z");
  }

  @Test
  void buildNamesTheFirstMissingCell() {
    assertThatThrownBy(() -> filled("s/c/4/mc").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing losses for (scale=s, distribution=c, seed=4, evalSet=mc)");
  }

  @Test
  void buildRejectsALengthMismatch() {
    LossCube.Builder builder =
        filled("l/a/3/lm").losses("l", "a", 3L, "lm", new float[] {1, 2, 3}, null);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "losses of (scale=l, distribution=a, seed=3, evalSet=lm) have 3 values but evaluation"
                + " set lm has 2 examples");
    LossCube.Builder shortCorrect =
        filled("l/a/3/mc").losses("l", "a", 3L, "mc", new float[] {1, 2}, new boolean[1]);
    assertThatThrownBy(shortCorrect::build)
        .hasMessage(
            "correct of (scale=l, distribution=a, seed=3, evalSet=mc) has 1 values but evaluation"
                + " set mc has 2 examples");
  }

  @Test
  void buildRejectsCorrectnessInconsistentWithChance() {
    LossCube.Builder missing = filled("s/a/3/mc").losses("s", "a", 3L, "mc", new float[2], null);
    assertThatThrownBy(missing::build)
        .hasMessage(
            "evaluation set mc has a chance accuracy, so correct is required for (scale=s,"
                + " distribution=a, seed=3, evalSet=mc)");
    LossCube.Builder extra =
        filled("s/a/3/lm").losses("s", "a", 3L, "lm", new float[2], new boolean[2]);
    assertThatThrownBy(extra::build)
        .hasMessage(
            "evaluation set lm has no chance accuracy, but correct was given for (scale=s,"
                + " distribution=a, seed=3, evalSet=lm)");
  }

  @Test
  void buildRejectsMissingComputeNonFiniteLossesAndUndeclaredSets() {
    LossCube.Builder noCompute =
        LossCube.builder(SCALES, DISTRIBUTIONS, SEEDS)
            .scaleCompute("s", 1, 6)
            .evalSet("x", 1, null);
    assertThatThrownBy(noCompute::build).hasMessage("no compute given for scale l");
    LossCube.Builder nan =
        filled("s/b/3/lm").losses("s", "b", 3L, "lm", new float[] {1, Float.NaN}, null);
    assertThatThrownBy(nan::build)
        .hasMessage("losses of (scale=s, distribution=b, seed=3, evalSet=lm) [1] is NaN");
    LossCube.Builder undeclared = filled(null).losses("s", "a", 3L, "qa", new float[2], null);
    assertThatThrownBy(undeclared::build)
        .hasMessage("losses given for undeclared evaluation set qa");
  }

  @Test
  void theBuilderRejectsUnknownNamesRepeatsAndBadValuesAtOnce() {
    assertThatThrownBy(() -> declared().losses("xl", "a", 3L, "lm", new float[2], null))
        .hasMessage("unknown scale xl");
    assertThatThrownBy(() -> declared().losses("s", "a", 5L, "lm", new float[2], null))
        .hasMessage("unknown seed 5");
    assertThatThrownBy(
            () ->
                declared()
                    .losses("s", "a", 3L, "lm", new float[2], null)
                    .losses("s", "a", 3L, "lm", new float[2], null))
        .hasMessage("losses of (scale=s, distribution=a, seed=3, evalSet=lm) given twice");
    assertThatThrownBy(() -> declared().scaleCompute("s", 1, 1))
        .hasMessage("compute of scale s given twice");
    assertThatThrownBy(() -> declared().evalSet("lm", 2, null))
        .hasMessage("evaluation set lm declared twice");
    assertThatThrownBy(() -> declared().evalSet("qa", 0, null))
        .hasMessage("evaluation set qa needs at least 1 example, got 0");
    assertThatThrownBy(() -> declared().evalSet("qa", 2, 1.5))
        .hasMessage("chance accuracy of evaluation set qa must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> LossCube.builder(SCALES, DISTRIBUTIONS, SEEDS).scaleCompute("s", 0, 1))
        .hasMessage("params of scale s must be > 0: 0");
    assertThatThrownBy(() -> LossCube.builder(List.of("s", "s"), DISTRIBUTIONS, SEEDS))
        .hasMessage("duplicate scale s");
    assertThatThrownBy(() -> LossCube.builder(SCALES, List.of(), SEEDS))
        .hasMessage("at least one distribution is required");
  }
}
