package io.s2l.stats.study;

import java.util.List;

/**
 * The hand-built cube of the analysis golden test; src/test/resources/golden/README.md builds the
 * same cube in numpy ("Scale-correlation analysis"). Every value is computed in double and rounded
 * to float once, with the same operations in the same order as the python script, so both sides
 * hold identical float32 losses.
 */
final class GoldenCube {

  static final List<String> SCALES = List.of("s", "m", "l");
  static final List<String> DISTRIBUTIONS = List.of("d0", "d1", "d2", "d3", "d4");
  static final List<Long> SEEDS = List.of(7L, 8L);
  static final List<String> EVAL_SETS = List.of("lm", "mc");
  static final int EXAMPLES = 6;
  private static final double[] EFFECT = {0.0, 0.3, -0.2, 0.5, 0.1};

  private GoldenCube() {}

  /** s and m are proxies of l; "lm" has no accuracy, "mc" has chance 0.25. */
  static LossCube build() {
    return build(SEEDS);
  }

  /** The same cube with other seeds; loss reads a seed's position r in {@code seeds}. */
  static LossCube build(List<Long> seeds) {
    LossCube.Builder builder =
        LossCube.builder(SCALES, DISTRIBUTIONS, seeds)
            .scaleCompute("s", 1_000_000L, 6e13)
            .scaleCompute("m", 4_000_000L, 9.6e14)
            .scaleCompute("l", 16_000_000L, 1.536e16)
            .evalSet("lm", EXAMPLES, null)
            .evalSet("mc", EXAMPLES, 0.25);
    for (int s = 0; s < SCALES.size(); s++) {
      for (int k = 0; k < DISTRIBUTIONS.size(); k++) {
        for (int r = 0; r < seeds.size(); r++) {
          for (int j = 0; j < EVAL_SETS.size(); j++) {
            float[] losses = new float[EXAMPLES];
            boolean[] correct = j == 1 ? new boolean[EXAMPLES] : null;
            for (int z = 0; z < EXAMPLES; z++) {
              losses[z] = loss(s, k, r, j, z);
              if (correct != null) {
                correct[z] = (3 * s + 5 * k + 7 * r + z) % 4 != 0;
              }
            }
            builder.losses(
                SCALES.get(s),
                DISTRIBUTIONS.get(k),
                seeds.get(r),
                EVAL_SETS.get(j),
                losses,
                correct);
          }
        }
      }
    }
    return builder.build();
  }

  /**
   * 2 + 0.25 z + effect_k sens + 0.125 j + 0.09 ((7 s + 11 k + 13 r + 17 z + 19 j) mod 10), where
   * sens = 1 + 0.5 s except on example 4 of proxy s (-0.5: it reacts the other way); example 5 of
   * proxy s on "lm" is constant 3 (zero variance, so undefined per example).
   */
  static float loss(int s, int k, int r, int j, int z) {
    if (s == 0 && j == 0 && z == 5) {
      return 3.0f;
    }
    double sens = (s == 0 && z == 4) ? -0.5 : 1.0 + 0.5 * s;
    double noise = 0.09 * ((7 * s + 11 * k + 13 * r + 17 * z + 19 * j) % 10);
    return (float) (2.0 + 0.25 * z + EFFECT[k] * sens + 0.125 * j + noise);
  }
}
