package io.s2l.stats.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-example losses of a study (docs/science.md section 1), organised for analysis: one array
 * l(z; theta_s(D_k, r)) over the examples z of evaluation set T_j for every (scale s, distribution
 * D_k, seed r, evaluation set T_j), plus each scale's compute and each set's chance accuracy.
 *
 * <p>The cube is complete by construction: {@link Builder#build} refuses a missing cell. Arrays are
 * held as given, not copied (a study can hold tens of millions of losses); callers must not modify
 * them afterwards. Built with {@link #builder}; immutable and safe to share once built.
 */
public final class LossCube {

  private final List<String> scales;
  private final List<String> distributions;
  private final List<Long> seeds;
  private final List<String> evalSets;
  private final Map<String, Integer> scaleIndex;
  private final Map<String, Integer> distributionIndex;
  private final Map<Long, Integer> seedIndex;
  private final Map<String, Integer> evalSetIndex;
  private final long[] params;
  private final double[] flops;
  private final int[] examples;
  private final Double[] chance;
  private final float[][] losses; // [cell(s, k, r, j)]
  private final boolean[][] correct; // [cell(s, k, r, j)], null arrays when the set has no chance

  LossCube(Builder b, List<String> evalSets, int[] examples, Double[] chance) {
    this.scales = b.scales;
    this.distributions = b.distributions;
    this.seeds = b.seeds;
    this.evalSets = List.copyOf(evalSets);
    this.scaleIndex = b.scaleIndex;
    this.distributionIndex = b.distributionIndex;
    this.seedIndex = b.seedIndex;
    this.evalSetIndex = Builder.index(this.evalSets, "evaluation set");
    this.params = b.params;
    this.flops = b.flops;
    this.examples = examples;
    this.chance = chance;
    this.losses =
        new float[scales.size() * distributions.size() * seeds.size() * evalSets.size()][];
    this.correct = new boolean[losses.length][];
  }

  /**
   * Starts a cube over the given axes, each non-empty and free of duplicates, in study order (the
   * order of every result).
   *
   * @throws IllegalArgumentException if an axis is empty or repeats a value
   */
  public static Builder builder(List<String> scales, List<String> distributions, List<Long> seeds) {
    return new Builder(scales, distributions, seeds);
  }

  public List<String> scales() {
    return scales;
  }

  public List<String> distributions() {
    return distributions;
  }

  public List<Long> seeds() {
    return seeds;
  }

  public List<String> evalSets() {
    return evalSets;
  }

  /** Non-embedding parameters N of the scale. */
  public long params(String scale) {
    return params[scaleAt(scale)];
  }

  /** Training compute C = 6 N D of one run of the scale, in FLOPs. */
  public double flops(String scale) {
    return flops[scaleAt(scale)];
  }

  /** Number of examples of the evaluation set. */
  public int examples(String evalSet) {
    return examples[evalSetAt(evalSet)];
  }

  /** Chance accuracy of the evaluation set, or null when the set has no accuracy. */
  public Double chance(String evalSet) {
    return chance[evalSetAt(evalSet)];
  }

  /** Per-example losses of one run on one evaluation set (the stored array, not a copy). */
  public float[] losses(String scale, String distribution, long seed, String evalSet) {
    return losses[cell(scale, distribution, seed, evalSet)];
  }

  /** Per-example correctness of one run, or null when the evaluation set has no accuracy. */
  public boolean[] correct(String scale, String distribution, long seed, String evalSet) {
    return correct[cell(scale, distribution, seed, evalSet)];
  }

  // Index-based access for the analysis: no map look-up in its loops.

  int scaleAt(String scale) {
    return Builder.lookUp(scaleIndex, scale, "scale");
  }

  int evalSetAt(String evalSet) {
    return Builder.lookUp(evalSetIndex, evalSet, "evaluation set");
  }

  int cell(int scale, int distribution, int seed, int evalSet) {
    return ((scale * distributions.size() + distribution) * seeds.size() + seed) * evalSets.size()
        + evalSet;
  }

  float[] lossesAt(int cell) {
    return losses[cell];
  }

  boolean[] correctAt(int cell) {
    return correct[cell];
  }

  int examplesAt(int evalSet) {
    return examples[evalSet];
  }

  Double chanceAt(int evalSet) {
    return chance[evalSet];
  }

  long paramsAt(int scale) {
    return params[scale];
  }

  double flopsAt(int scale) {
    return flops[scale];
  }

  void put(int cell, float[] losses, boolean[] correct) {
    this.losses[cell] = losses;
    this.correct[cell] = correct;
  }

  private int cell(String scale, String distribution, long seed, String evalSet) {
    return cell(
        scaleAt(scale),
        Builder.lookUp(distributionIndex, distribution, "distribution"),
        Builder.lookUp(seedIndex, seed, "seed"),
        evalSetAt(evalSet));
  }

  /**
   * Collects compute, evaluation sets and losses in any order; {@link #build} checks that the cube
   * is complete and consistent. Not thread-safe.
   */
  public static final class Builder {

    private final List<String> scales;
    private final List<String> distributions;
    private final List<Long> seeds;
    private final Map<String, Integer> scaleIndex;
    private final Map<String, Integer> distributionIndex;
    private final Map<Long, Integer> seedIndex;
    private final long[] params;
    private final double[] flops;
    private final List<String> evalSetNames = new ArrayList<>();
    private final List<Integer> evalSetExamples = new ArrayList<>();
    private final List<Double> evalSetChance = new ArrayList<>();
    private final Map<Cell, Run> runs = new HashMap<>();

    private Builder(List<String> scales, List<String> distributions, List<Long> seeds) {
      this.scales = List.copyOf(Objects.requireNonNull(scales, "scales"));
      this.distributions = List.copyOf(Objects.requireNonNull(distributions, "distributions"));
      this.seeds = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
      this.scaleIndex = index(this.scales, "scale");
      this.distributionIndex = index(this.distributions, "distribution");
      this.seedIndex = index(this.seeds, "seed");
      this.params = new long[this.scales.size()];
      this.flops = new double[this.scales.size()];
    }

    /**
     * Sets a scale's compute.
     *
     * @param params non-embedding parameters N, positive
     * @param flops training compute of one run, C = 6 N D FLOPs, positive and finite
     * @throws IllegalArgumentException for an unknown scale, a non-positive value or a repeat
     */
    public Builder scaleCompute(String scale, long params, double flops) {
      int s = lookUp(scaleIndex, scale, "scale");
      if (params <= 0) {
        throw new IllegalArgumentException("params of scale " + scale + " must be > 0: " + params);
      }
      if (!(flops > 0 && flops < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "flops of scale " + scale + " must be positive and finite: " + flops);
      }
      if (this.params[s] != 0) {
        throw new IllegalArgumentException("compute of scale " + scale + " given twice");
      }
      this.params[s] = params;
      this.flops[s] = flops;
      return this;
    }

    /**
     * Declares an evaluation set; sets are analysed in declaration order.
     *
     * @param examples number of examples, at least 1
     * @param chance chance accuracy in [0, 1], or null when the set has no accuracy
     * @throws IllegalArgumentException for a repeated name or a value out of range
     */
    public Builder evalSet(String name, int examples, Double chance) {
      Objects.requireNonNull(name, "name");
      if (evalSetNames.contains(name)) {
        throw new IllegalArgumentException("evaluation set " + name + " declared twice");
      }
      if (examples < 1) {
        throw new IllegalArgumentException(
            "evaluation set " + name + " needs at least 1 example, got " + examples);
      }
      if (chance != null && !(chance >= 0 && chance <= 1)) {
        throw new IllegalArgumentException(
            "chance accuracy of evaluation set " + name + " must be in [0, 1], got " + chance);
      }
      evalSetNames.add(name);
      evalSetExamples.add(examples);
      evalSetChance.add(chance);
      return this;
    }

    /**
     * Adds one run's per-example losses (and correctness) on one evaluation set. The arrays are
     * kept, not copied. The evaluation set may be declared before or after.
     *
     * @param correct per-example correctness, or null when the set has no accuracy
     * @throws IllegalArgumentException for an unknown scale, distribution or seed, or a repeat
     */
    public Builder losses(
        String scale,
        String distribution,
        long seed,
        String evalSet,
        float[] losses,
        boolean[] correct) {
      Cell cell =
          new Cell(
              lookUp(scaleIndex, scale, "scale"),
              lookUp(distributionIndex, distribution, "distribution"),
              lookUp(seedIndex, seed, "seed"),
              Objects.requireNonNull(evalSet, "evalSet"));
      Objects.requireNonNull(losses, () -> "losses of " + describe(cell));
      if (runs.putIfAbsent(cell, new Run(losses, correct)) != null) {
        throw new IllegalArgumentException("losses of " + describe(cell) + " given twice");
      }
      return this;
    }

    /**
     * Checks and builds the cube.
     *
     * @throws IllegalArgumentException naming the first problem: a scale without compute, no
     *     evaluation set, losses for an undeclared evaluation set, the first missing (scale,
     *     distribution, seed, evalSet) cell in study order, an array whose length is not the set's
     *     example count, a non-finite loss, or correctness given for a set without chance accuracy
     *     (or missing for one with it)
     */
    public LossCube build() {
      for (int s = 0; s < scales.size(); s++) {
        if (params[s] == 0) {
          throw new IllegalArgumentException("no compute given for scale " + scales.get(s));
        }
      }
      if (evalSetNames.isEmpty()) {
        throw new IllegalArgumentException("no evaluation set declared");
      }
      for (Cell cell : runs.keySet()) {
        if (!evalSetNames.contains(cell.evalSet())) {
          throw new IllegalArgumentException(
              "losses given for undeclared evaluation set " + cell.evalSet());
        }
      }
      int[] examples = evalSetExamples.stream().mapToInt(Integer::intValue).toArray();
      Double[] chance = evalSetChance.toArray(new Double[0]);
      LossCube cube = new LossCube(this, evalSetNames, examples, chance);
      for (int s = 0; s < scales.size(); s++) {
        for (int k = 0; k < distributions.size(); k++) {
          for (int r = 0; r < seeds.size(); r++) {
            for (int j = 0; j < evalSetNames.size(); j++) {
              Cell cell = new Cell(s, k, r, evalSetNames.get(j));
              Run run = runs.get(cell);
              if (run == null) {
                throw new IllegalArgumentException("missing losses for " + describe(cell));
              }
              check(cell, run, examples[j], chance[j] != null);
              cube.put(cube.cell(s, k, r, j), run.losses(), run.correct());
            }
          }
        }
      }
      return cube;
    }

    private void check(Cell cell, Run run, int examples, boolean hasChance) {
      if (run.losses().length != examples) {
        throw new IllegalArgumentException(
            "losses of "
                + describe(cell)
                + " have "
                + run.losses().length
                + " values but evaluation set "
                + cell.evalSet()
                + " has "
                + examples
                + " examples");
      }
      for (int z = 0; z < examples; z++) {
        if (!Float.isFinite(run.losses()[z])) {
          throw new IllegalArgumentException(
              "losses of " + describe(cell) + " [" + z + "] is " + run.losses()[z]);
        }
      }
      if (hasChance && run.correct() == null) {
        throw new IllegalArgumentException(
            "evaluation set "
                + cell.evalSet()
                + " has a chance accuracy, so correct is required for "
                + describe(cell));
      }
      if (!hasChance && run.correct() != null) {
        throw new IllegalArgumentException(
            "evaluation set "
                + cell.evalSet()
                + " has no chance accuracy, but correct was given for "
                + describe(cell));
      }
      if (hasChance && run.correct().length != examples) {
        throw new IllegalArgumentException(
            "correct of "
                + describe(cell)
                + " has "
                + run.correct().length
                + " values but evaluation set "
                + cell.evalSet()
                + " has "
                + examples
                + " examples");
      }
    }

    private String describe(Cell cell) {
      return "(scale="
          + scales.get(cell.scale())
          + ", distribution="
          + distributions.get(cell.distribution())
          + ", seed="
          + seeds.get(cell.seed())
          + ", evalSet="
          + cell.evalSet()
          + ")";
    }

    static <T> Map<T, Integer> index(List<T> values, String axis) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("at least one " + axis + " is required");
      }
      Map<T, Integer> index = new HashMap<>();
      for (T value : values) {
        if (index.putIfAbsent(value, index.size()) != null) {
          throw new IllegalArgumentException("duplicate " + axis + " " + value);
        }
      }
      return Map.copyOf(index);
    }

    static <T> int lookUp(Map<T, Integer> index, T value, String axis) {
      Integer i = value == null ? null : index.get(value);
      if (i == null) {
        throw new IllegalArgumentException("unknown " + axis + " " + value);
      }
      return i;
    }

    private record Cell(int scale, int distribution, int seed, String evalSet) {}

    private record Run(float[] losses, boolean[] correct) {}
  }
}
