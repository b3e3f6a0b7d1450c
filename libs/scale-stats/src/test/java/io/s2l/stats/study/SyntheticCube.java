package io.s2l.stats.study;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Seeded synthetic studies for behavioural tests: distribution k has effect e_k = 0.1 k, and the
 * loss of example z of a run of scale s on evaluation set j is
 *
 * <pre>
 *   l = 2 + 0.01 z + response_s(e_k) + noise_{s,j} N(0, 1)
 * </pre>
 *
 * so a quiet proxy with a linear response tracks the reference, a loud one does not, and a convex
 * response keeps the ranking (decision accuracy) while bending the line (R^2).
 */
final class SyntheticCube {

  /**
   * @param flops training compute of one run
   * @param noise per-example noise standard deviation, one per evaluation set
   * @param response loss response to the distribution effect
   */
  record Scale(String name, double flops, double[] noise, DoubleUnaryOperator response) {

    static Scale linear(String name, double flops, double... noise) {
      return new Scale(name, flops, noise, e -> e);
    }
  }

  private SyntheticCube() {}

  /** One evaluation set per noise entry, named "set0", "set1", ...; the last one has chance 0.5. */
  static LossCube build(List<Scale> scales, int distributions, int seeds, int examples, long seed) {
    int sets = scales.get(0).noise().length;
    List<String> names = scales.stream().map(Scale::name).toList();
    List<String> distributionNames =
        IntStream.range(0, distributions).mapToObj(k -> "mix" + k).toList();
    List<Long> seedValues = LongStream.range(0, seeds).boxed().toList();
    LossCube.Builder builder = LossCube.builder(names, distributionNames, seedValues);
    List<String> setNames = new ArrayList<>();
    for (int j = 0; j < sets; j++) {
      setNames.add("set" + j);
      builder.evalSet("set" + j, examples, j == sets - 1 ? 0.5 : null);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (Scale scale : scales) {
      builder.scaleCompute(scale.name(), (long) Math.sqrt(scale.flops()), scale.flops());
      for (int k = 0; k < distributions; k++) {
        double shift = scale.response().applyAsDouble(0.1 * k);
        for (long r = 0; r < seeds; r++) {
          for (int j = 0; j < sets; j++) {
            float[] losses = new float[examples];
            boolean[] correct = j == sets - 1 ? new boolean[examples] : null;
            for (int z = 0; z < examples; z++) {
              losses[z] = (float) (2 + 0.01 * z + shift + scale.noise()[j] * random.nextGaussian());
              if (correct != null) {
                correct[z] = random.nextDouble() < 0.6;
              }
            }
            builder.losses(
                scale.name(), distributionNames.get(k), r, setNames.get(j), losses, correct);
          }
        }
      }
    }
    return builder.build();
  }
}
