package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.s2l.stats.Interval;
import org.junit.jupiter.api.Test;

/**
 * A small LDS by hand: 3 pool examples, 4 subsets {0}, {1}, {0, 1}, {2}, 3 targets.
 *
 * <ul>
 *   <li>target 0: tau = (1, 2, 4) predicts (1, 2, 3, 4); outputs (10, 30, 20, 40) rank (1, 3, 2,
 *       4), so rho = 1 - 6 * 2 / (4 * 15) = 0.8.
 *   <li>target 1: tau = (-1, 0, 0) predicts (-1, 0, -1, 0), tied ranks (1.5, 3.5, 1.5, 3.5);
 *       outputs (1, 2, 3, 4): centred (-1, 1, -1, 1) and (-1.5, -0.5, 0.5, 1.5), rho = 2 / sqrt(4 *
 *       5) = 1 / sqrt(5).
 *   <li>target 2: constant outputs, rho undefined.
 * </ul>
 *
 * Provenance of the two values: {@code python3 -c "from scipy.stats import spearmanr;
 * print(spearmanr([10,30,20,40],[1,2,3,4]).statistic, spearmanr([1,2,3,4],[-1,0,-1,0]).statistic)"}
 * prints {@code 0.7999999999999999 0.4472135954999579} (scipy 1.17.1).
 */
class LinearDatamodelScoreTest {

  private static final boolean[][] SUBSETS = {
    {true, false, false}, {false, true, false}, {true, true, false}, {false, false, true}
  };
  private static final double[][] OUTPUTS = {{10, 1, 5}, {30, 2, 5}, {20, 3, 5}, {40, 4, 5}};
  private static final Scores SCORES =
      new Scores(3, 3, new float[] {1, 2, 4, -1, 0, 0, 0.5f, 0.5f, 0.5f});

  @Test
  void matchesTheHandComputedSpearmanValues() {
    Lds lds = LinearDatamodelScore.evaluate(SCORES, SUBSETS, OUTPUTS, 1);

    assertThat(lds.perTarget()[0]).isCloseTo(0.8, within(1e-12));
    assertThat(lds.perTarget()[1]).isCloseTo(1 / Math.sqrt(5), within(1e-12));
    assertThat(lds.perTarget()[2]).isNaN();
    assertThat(lds.undefinedTargets()).isEqualTo(1);
    assertThat(lds.definedTargets()).isEqualTo(2);
    assertThat(lds.mean()).isCloseTo((0.8 + 1 / Math.sqrt(5)) / 2, within(1e-12));
  }

  @Test
  void bootstrapIntervalOfTwoTargetsSpansThem() {
    // A resample of two values is (low, low), mixed or (high, high), the extremes with probability
    // 1/4 each, far above 2.5%: the 95% percentile interval is exactly [low, high].
    Lds lds = LinearDatamodelScore.evaluate(SCORES, SUBSETS, OUTPUTS, 42);
    assertThat(lds.ci95().low()).isCloseTo(1 / Math.sqrt(5), within(1e-12));
    assertThat(lds.ci95().high()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void noDefinedTargetGivesNaN() {
    double[][] constant = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    Lds lds = LinearDatamodelScore.evaluate(SCORES, SUBSETS, constant, 1);
    assertThat(lds.mean()).isNaN();
    assertThat(lds.ci95()).isEqualTo(new Interval(Double.NaN, Double.NaN));
    assertThat(lds.undefinedTargets()).isEqualTo(3);
  }

  @Test
  void refusesInconsistentShapes() {
    assertThatThrownBy(
            () ->
                LinearDatamodelScore.evaluate(SCORES, new boolean[][] {{true, false}}, OUTPUTS, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subsets[0] has 2 entries, the pool 3");
    assertThatThrownBy(
            () -> LinearDatamodelScore.evaluate(SCORES, SUBSETS, new double[][] {{1, 2, 3}}, 1))
        .hasMessageContaining("outputs has 1 rows");
    double[][] nan = {{1, 1, 1}, {1, Double.NaN, 1}, {1, 1, 1}, {1, 1, 1}};
    assertThatThrownBy(() -> LinearDatamodelScore.evaluate(SCORES, SUBSETS, nan, 1))
        .hasMessageContaining("outputs[1][1] is NaN");
  }
}
