package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HierarchicalBootstrapTest {

  @Test
  void aResultNamesOnlyTheUnitsThatHaveMoreThanOneMemberToDraw() {
    assertThat(HierarchicalBootstrap.resampled(2, 5))
        .containsExactly("seeds", "randomDraws", "examples");
    assertThat(HierarchicalBootstrap.resampled(1, 5)).containsExactly("randomDraws", "examples");
    assertThat(HierarchicalBootstrap.resampled(3, 1)).containsExactly("seeds", "examples");
    assertThat(HierarchicalBootstrap.resampled(1, 1)).containsExactly("examples");
  }

  @Test
  void withOneSeedAndOneDrawItIsThePlainTargetBootstrap() {
    Random r = new Random(3);
    int n = 25;
    double[][] selection = new double[1][n];
    double[][][] random = new double[1][1][n];
    double[] diff = new double[n];
    for (int z = 0; z < n; z++) {
      selection[0][z] = 1 + r.nextGaussian();
      random[0][0][z] = 1.2 + r.nextGaussian();
      diff[z] = random[0][0][z] - selection[0][z];
    }
    HierarchicalBootstrap.Gain g = HierarchicalBootstrap.gain(selection, random, 42);
    // independently: resample targets with the documented stream, numpy's linear percentile
    SplittableRandom stream = new SplittableRandom(42);
    double[] means = new double[1000];
    for (int b = 0; b < means.length; b++) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += diff[stream.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    assertThat(g.gain()).isCloseTo(Arrays.stream(diff).average().orElseThrow(), within(1e-12));
    assertThat(g.ci95().low()).isCloseTo(numpyPercentile(means, 0.025), within(1e-12));
    assertThat(g.ci95().high()).isCloseTo(numpyPercentile(means, 0.975), within(1e-12));
  }

  @Test
  void seedNoiseWidensTheInterval() {
    int seeds = 3;
    int draws = 3;
    int n = 40;
    Random r = new Random(9);
    double[] base = new double[n];
    for (int z = 0; z < n; z++) {
      base[z] = 2 + 0.5 * r.nextGaussian();
    }
    double[][] quietSel = new double[seeds][n];
    double[][][] quietRand = new double[draws][seeds][n];
    double[][] noisySel = new double[seeds][n];
    double[][][] noisyRand = new double[draws][seeds][n];
    for (int s = 0; s < seeds; s++) {
      double selSeed = 0.4 * r.nextGaussian();
      for (int z = 0; z < n; z++) {
        quietSel[s][z] = base[z] - 0.1 + 0.01 * r.nextGaussian();
        noisySel[s][z] = quietSel[s][z] + selSeed;
      }
      for (int d = 0; d < draws; d++) {
        double randSeed = 0.4 * r.nextGaussian();
        for (int z = 0; z < n; z++) {
          quietRand[d][s][z] = base[z] + 0.01 * r.nextGaussian();
          noisyRand[d][s][z] = quietRand[d][s][z] + randSeed;
        }
      }
    }
    HierarchicalBootstrap.Gain quiet = HierarchicalBootstrap.gain(quietSel, quietRand, 1);
    HierarchicalBootstrap.Gain noisy = HierarchicalBootstrap.gain(noisySel, noisyRand, 1);
    assertThat(quiet.gain()).isCloseTo(0.1, within(0.01));
    double quietWidth = quiet.ci95().high() - quiet.ci95().low();
    double noisyWidth = noisy.ci95().high() - noisy.ci95().low();
    assertThat(noisyWidth).isGreaterThan(5 * quietWidth);
  }

  @Test
  void theGainAveragesEveryDrawAndSeed() {
    double[][] selection = {{1, 2}, {3, 4}};
    double[][][] random = {{{2, 2}, {4, 4}}, {{6, 6}, {0, 0}}};
    // random mean per target: 3, 3; selection: 2, 3 -> gain (1 + 0) / 2
    assertThat(HierarchicalBootstrap.gain(selection, random, 5).gain())
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void refusesMismatchedSeeds() {
    assertThatThrownBy(
            () ->
                HierarchicalBootstrap.gain(new double[][] {{1}, {2}}, new double[][][] {{{1}}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seeds");
  }

  /** numpy.percentile(sorted, 100 q), method 'linear'. */
  private static double numpyPercentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
