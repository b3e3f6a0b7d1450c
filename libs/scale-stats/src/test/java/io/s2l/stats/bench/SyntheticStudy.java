package io.s2l.stats.bench;

import io.s2l.stats.study.LossCube;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A synthetic but realistic study for the benchmark, generated deterministically from a seed. Scale
 * s has capacity c_s = log(N_s / 20M) / log(50) in [0, 1]; the loss of example z of the run (s,
 * D_k, seed r) is
 *
 * <pre>
 *   l = difficulty_z + 0.9 (1 - c_s)                         smaller models: higher loss
 *       + a_z ((0.7 + 0.3 c_s) e_k + 0.6 (1 - c_s) f_k)      distribution effect shared across
 *                                                            scales, plus a direction f only the
 *                                                            small ones see
 *       + (0.03 - 0.02 c_s) N(0, 1)_{s,k,r}                  seed noise of the run
 *       + (0.12 - 0.07 c_s) N(0, 1)_{s,k,r,z}                per-example noise
 * </pre>
 *
 * with difficulty_z = 1.2 + 2 u^2, a_z = exp(0.4 N(0, 1)), e_k, f_k ~ N(0, 0.06^2). One
 * multiple-choice evaluation set, chance 0.25: correct with probability 0.25 + 0.75 / (1 + exp(3 (l
 * - 2.2))). Compute: 20 tokens per parameter, C = 6 N D = 120 N^2.
 */
final class SyntheticStudy {

  static final List<String> SCALES =
      List.of("20M", "37M", "70M", "150M", "300M", "530M", "750M", "1B");
  static final long[] PARAMS = {
    20_000_000L,
    37_000_000L,
    70_000_000L,
    150_000_000L,
    300_000_000L,
    530_000_000L,
    750_000_000L,
    1_000_000_000L
  };
  static final String REFERENCE = "1B";
  static final String EVAL_SET = "mc";
  static final double CHANCE = 0.25;

  final int distributions;
  final int seeds;
  final int examples;
  final float[][][][] losses; // [scale][distribution][seed][example]
  final boolean[][][][] correct;

  private SyntheticStudy(int distributions, int seeds, int examples) {
    this.distributions = distributions;
    this.seeds = seeds;
    this.examples = examples;
    losses = new float[SCALES.size()][distributions][seeds][];
    correct = new boolean[SCALES.size()][distributions][seeds][];
  }

  static SyntheticStudy generate(int distributions, int seeds, int examples, long seed) {
    SyntheticStudy study = new SyntheticStudy(distributions, seeds, examples);
    SplittableRandom random = new SplittableRandom(seed);
    double[] difficulty = new double[examples];
    double[] sensitivity = new double[examples];
    for (int z = 0; z < examples; z++) {
      double u = random.nextDouble();
      difficulty[z] = 1.2 + 2 * u * u;
      sensitivity[z] = Math.exp(0.4 * random.nextGaussian());
    }
    double[] effect = new double[distributions];
    double[] spurious = new double[distributions];
    for (int k = 0; k < distributions; k++) {
      effect[k] = 0.06 * random.nextGaussian();
      spurious[k] = 0.06 * random.nextGaussian();
    }
    for (int s = 0; s < SCALES.size(); s++) {
      double c = Math.log(PARAMS[s] / 20e6) / Math.log(50);
      for (int k = 0; k < distributions; k++) {
        double shift = (0.7 + 0.3 * c) * effect[k] + 0.6 * (1 - c) * spurious[k];
        for (int r = 0; r < seeds; r++) {
          double run = 0.9 * (1 - c) + (0.03 - 0.02 * c) * random.nextGaussian();
          float[] l = new float[examples];
          boolean[] right = new boolean[examples];
          for (int z = 0; z < examples; z++) {
            double loss =
                difficulty[z]
                    + run
                    + sensitivity[z] * shift
                    + (0.12 - 0.07 * c) * random.nextGaussian();
            l[z] = (float) loss;
            right[z] =
                random.nextDouble() < CHANCE + (1 - CHANCE) / (1 + Math.exp(3 * (loss - 2.2)));
          }
          study.losses[s][k][r] = l;
          study.correct[s][k][r] = right;
        }
      }
    }
    return study;
  }

  static double flops(int scale) {
    return 120.0 * PARAMS[scale] * PARAMS[scale];
  }

  List<String> distributionNames() {
    return IntStream.range(0, distributions).mapToObj(k -> String.format("mix%02d", k)).toList();
  }

  LossCube cube() {
    List<String> names = distributionNames();
    LossCube.Builder builder =
        LossCube.builder(SCALES, names, LongStream.range(0, seeds).boxed().toList())
            .evalSet(EVAL_SET, examples, CHANCE);
    for (int s = 0; s < SCALES.size(); s++) {
      builder.scaleCompute(SCALES.get(s), PARAMS[s], flops(s));
      for (int k = 0; k < distributions; k++) {
        for (int r = 0; r < seeds; r++) {
          builder.losses(
              SCALES.get(s), names.get(k), r, EVAL_SET, losses[s][k][r], correct[s][k][r]);
        }
      }
    }
    return builder.build();
  }

  /**
   * losses.f32 (little-endian float32) and correct.u8, both [scale][distribution][seed][example].
   */
  void write(Path directory) {
    try {
      Files.createDirectories(directory);
      ByteBuffer floats = ByteBuffer.allocate(examples * 4).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer bytes = ByteBuffer.allocate(examples);
      try (FileChannel l = open(directory.resolve("losses.f32"));
          FileChannel c = open(directory.resolve("correct.u8"))) {
        for (int s = 0; s < SCALES.size(); s++) {
          for (int k = 0; k < distributions; k++) {
            for (int r = 0; r < seeds; r++) {
              floats.clear();
              floats.asFloatBuffer().put(losses[s][k][r]);
              writeFully(l, floats);
              bytes.clear();
              for (boolean b : correct[s][k][r]) {
                bytes.put((byte) (b ? 1 : 0));
              }
              bytes.flip();
              writeFully(c, bytes);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the study to " + directory, e);
    }
  }

  private static FileChannel open(Path path) throws IOException {
    return FileChannel.open(
        path,
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
