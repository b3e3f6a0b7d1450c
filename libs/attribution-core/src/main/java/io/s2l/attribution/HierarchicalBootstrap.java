package io.s2l.attribution;

import io.s2l.stats.Bootstrap;
import io.s2l.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The gain of a selection over random selections of the same size, with a hierarchical bootstrap
 * interval (docs/science.md section 4.3) that resamples every source of noise in a verification:
 * the training seeds, the random draws and the holdout target examples. A recommended mixture is
 * verified the same way (section 4.4): its models are the selection, the random mixtures the draws.
 *
 * <p>Data: L_sel[s][z], the holdout loss of target z of the reference trained on the selection with
 * seed s (s = 1..S), and L_rand[d][s][z], the same for random draw d (d = 1..D) with the same
 * seeds. The gain (positive = the selection beats random) is
 *
 * <pre>
 *   G = (1/n) sum_z [ (1/(D S)) sum_{d,s} L_rand[d][s][z] - (1/S) sum_s L_sel[s][z] ]
 * </pre>
 *
 * <p>Resample b (b = 1..B, B = {@link Bootstrap#DEFAULT_RESAMPLES}) draws, from one {@code new
 * SplittableRandom(seed)} stream and in this order: S seed indices s*_1..s*_S with {@code
 * nextInt(S)} (skipped when S = 1), D draw indices d*_1..d*_D with {@code nextInt(D)} (skipped when
 * D = 1), and n target indices z*_1..z*_n with {@code nextInt(n)}; the same seed indices serve the
 * selection and every random draw (they were trained with the same seeds). Its replicate is
 *
 * <pre>
 *   G*_b = (1/n) sum_k [ (1/(D S)) sum_{i,j} L_rand[d*_i][s*_j][z*_k] - (1/S) sum_j L_sel[s*_j][z*_k] ]
 * </pre>
 *
 * and the 95% interval is the percentile interval of the replicates ({@link
 * Bootstrap#percentileInterval}, numpy's linear percentile). With one seed and one draw it is the
 * plain percentile bootstrap of the mean per-target loss difference. O(B (S + D + n (D + 1) S))
 * time, O(n) extra memory.
 */
public final class HierarchicalBootstrap {

  private static final double LEVEL = 0.95;

  /** The unit names a result states, in the order a resample draws them. */
  public static final String SEEDS = "seeds";

  public static final String RANDOM_DRAWS = "randomDraws";
  public static final String EXAMPLES = "examples";

  private HierarchicalBootstrap() {}

  /**
   * The units a gain's interval resamples, as a result states them: {@code seeds} with more than
   * one seed, {@code randomDraws} with more than one draw (a single one is kept, not drawn), and
   * always {@code examples}.
   */
  public static List<String> resampled(int seeds, int draws) {
    List<String> units = new ArrayList<>(3);
    if (seeds > 1) {
      units.add(SEEDS);
    }
    if (draws > 1) {
      units.add(RANDOM_DRAWS);
    }
    units.add(EXAMPLES);
    return List.copyOf(units);
  }

  /**
   * A gain with its interval.
   *
   * @param gain G
   * @param ci95 the hierarchical bootstrap's 95% interval of G
   */
  public record Gain(double gain, Interval ci95) {}

  /**
   * @param selection L_sel, seeds x targets
   * @param random L_rand, draws x seeds x targets, the seeds in the selection's order
   * @param seed seed of the resampling
   * @throws IllegalArgumentException if the shapes disagree, something is empty or not finite
   */
  public static Gain gain(double[][] selection, double[][][] random, long seed) {
    int seeds = selection.length;
    int draws = random.length;
    if (seeds == 0 || draws == 0 || selection[0].length == 0) {
      throw new IllegalArgumentException("needs at least one seed, one random draw and one target");
    }
    int n = selection[0].length;
    check(selection, n, "selection");
    for (double[][] d : random) {
      if (d.length != seeds) {
        throw new IllegalArgumentException(
            "a random draw has " + d.length + " seeds; the selection " + seeds);
      }
      check(d, n, "random");
    }
    int[] allSeeds = identity(seeds);
    int[] allDraws = identity(draws);
    double gain = mean(perTarget(selection, random, allSeeds, allDraws), identity(n));
    SplittableRandom stream = new SplittableRandom(seed);
    double[] replicates = new double[Bootstrap.DEFAULT_RESAMPLES];
    int[] s = new int[seeds];
    int[] d = new int[draws];
    int[] z = new int[n];
    for (int b = 0; b < replicates.length; b++) {
      fill(stream, s, allSeeds);
      fill(stream, d, allDraws);
      for (int k = 0; k < n; k++) {
        z[k] = stream.nextInt(n);
      }
      replicates[b] = mean(perTarget(selection, random, s, d), z);
    }
    return new Gain(gain, Bootstrap.percentileInterval(replicates, LEVEL));
  }

  /** Per target, the random loss minus the selection loss over the drawn seeds and draws. */
  private static double[] perTarget(
      double[][] selection, double[][][] random, int[] seeds, int[] draws) {
    int n = selection[0].length;
    double[] g = new double[n];
    for (int z = 0; z < n; z++) {
      double sel = 0;
      double rand = 0;
      for (int s : seeds) {
        sel += selection[s][z];
        for (int d : draws) {
          rand += random[d][s][z];
        }
      }
      g[z] = rand / ((double) draws.length * seeds.length) - sel / seeds.length;
    }
    return g;
  }

  private static double mean(double[] values, int[] indices) {
    double sum = 0;
    for (int i : indices) {
      sum += values[i];
    }
    return sum / indices.length;
  }

  private static void fill(SplittableRandom stream, int[] into, int[] identity) {
    if (into.length == 1) {
      into[0] = 0;
      return;
    }
    for (int i = 0; i < into.length; i++) {
      into[i] = stream.nextInt(identity.length);
    }
  }

  private static int[] identity(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  private static void check(double[][] rows, int n, String name) {
    for (double[] row : rows) {
      if (row.length != n) {
        throw new IllegalArgumentException(
            name + " rows differ in length: " + row.length + " != " + n);
      }
      for (double v : row) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(name + " holds a non-finite loss: " + v);
        }
      }
    }
  }
}
