package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trak against the formula evaluated directly in double with dense matrices (two models of
 * different projection dimensions, with and without Q), chunking invariance, the three ways of
 * loading features, and refusals.
 */
class TrakDenseTest {

  private static final int N = 23;
  private static final int T = 5;
  private static final double LAMBDA = 0.5;

  private final Random random = new Random(7);
  private final float[] train1 = Dense.gaussian(random, N, 6);
  private final float[] target1 = Dense.gaussian(random, T, 6);
  private final float[] train2 = Dense.gaussian(random, N, 4);
  private final float[] target2 = Dense.gaussian(random, T, 4);
  private final float[] q1 = uniform(N);
  private final float[] q2 = uniform(N);
  private final List<ModelFeatures> models =
      List.of(
          new ModelFeatures(FeatureRows.of(train1, N, 6), FeatureRows.of(target1, T, 6), q1),
          new ModelFeatures(FeatureRows.of(train2, N, 4), FeatureRows.of(target2, T, 4), q2));

  @Test
  void matchesTheDenseFormulaWithoutQ() {
    assertClose(Trak.score(models, LAMBDA, false, 7), dense(false), 1e-4);
  }

  @Test
  void matchesTheDenseFormulaWithQ() {
    assertClose(Trak.score(models, LAMBDA, true, 7), dense(true), 1e-4);
  }

  @Test
  void chunkSizeDoesNotChangeTheScores() {
    Scores whole = Trak.score(models, LAMBDA, true, N);
    for (int chunk : new int[] {1, 7, 1000}) {
      assertClose(Trak.score(models, LAMBDA, true, chunk), toDouble(whole), 1e-6);
    }
  }

  @Test
  void fileBackedAndCustomFeaturesGiveTheSameScoresAsArrays(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("train1.f32");
    FeatureFile.write(file, FeatureRows.of(train1, N, 6));
    FeatureRows custom = new Wrapped(FeatureRows.of(target1, T, 6));
    try (FeatureFile onDisk = FeatureFile.open(file, 6)) {
      Scores fromFile = Trak.score(List.of(new ModelFeatures(onDisk, custom, q1)), LAMBDA, true, 4);
      Scores inMemory = Trak.score(List.of(models.get(0)), LAMBDA, true, 4);
      assertThat(fromFile).isEqualTo(inMemory);
    }
  }

  @Test
  void lambdaZeroWithFewerExamplesThanDimensionsIsRefused() {
    ModelFeatures tooFew =
        ModelFeatures.of(
            FeatureRows.of(Dense.gaussian(random, 3, 6), 3, 6), FeatureRows.of(target1, T, 6));
    assertThatThrownBy(() -> Trak.score(List.of(tooFew), 0, false, 8))
        .isInstanceOf(RankDeficientFeaturesException.class)
        .hasMessageContaining("not positive definite")
        .hasMessageContaining("lambda > 0");
    // the same features are fine with a ridge term
    assertThat(Trak.score(List.of(tooFew), 1.0, false, 8).pool()).isEqualTo(3);
  }

  @Test
  void lambdaZeroWithADuplicatedFeatureColumnIsRefused() {
    float[] duplicated = train1.clone();
    for (int i = 0; i < N; i++) {
      duplicated[i * 6 + 5] = duplicated[i * 6 + 2];
    }
    ModelFeatures singular =
        ModelFeatures.of(FeatureRows.of(duplicated, N, 6), FeatureRows.of(target1, T, 6));
    assertThatThrownBy(() -> Trak.score(List.of(singular), 0, false, 8))
        .isInstanceOfSatisfying(
            RankDeficientFeaturesException.class, e -> assertThat(e.column()).isEqualTo(5));
  }

  @Test
  void badArgumentsAreRefused() {
    ModelFeatures noQ =
        ModelFeatures.of(FeatureRows.of(train1, N, 6), FeatureRows.of(target1, T, 6));
    assertThatThrownBy(() -> Trak.score(List.of(models.get(0), noQ), LAMBDA, true, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model 1 has no q");
    ModelFeatures fewerRows =
        ModelFeatures.of(
            FeatureRows.of(Arrays.copyOf(train1, (N - 1) * 6), N - 1, 6),
            FeatureRows.of(target1, T, 6));
    assertThatThrownBy(() -> Trak.score(List.of(models.get(0), fewerRows), LAMBDA, false, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same examples");
    assertThatThrownBy(() -> Trak.score(List.of(), LAMBDA, false, 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Trak.score(models, -1, false, 8)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> Trak.score(models, Double.NaN, false, 8))
        .hasMessageContaining("lambda");
    assertThatThrownBy(() -> Trak.score(models, LAMBDA, false, 0))
        .hasMessageContaining("chunkRows");
  }

  @Test
  void inconsistentModelFeaturesAreRefused() {
    assertThatThrownBy(
            () -> ModelFeatures.of(FeatureRows.of(train1, N, 6), FeatureRows.of(target2, T, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension");
    assertThatThrownBy(
            () ->
                new ModelFeatures(
                    FeatureRows.of(train1, N, 6), FeatureRows.of(target1, T, 6), new float[N - 1]))
        .hasMessageContaining("q has 22 values");
    float[] nan = new float[N];
    nan[3] = Float.NaN;
    assertThatThrownBy(
            () ->
                new ModelFeatures(FeatureRows.of(train1, N, 6), FeatureRows.of(target1, T, 6), nan))
        .hasMessageContaining("q[3]");
    assertThatThrownBy(() -> FeatureRows.of(train1, N, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("138 values");
  }

  /** tau = (1/M) sum_m Phi_t,m (Phi_m^T Phi_m + lambda I)^-1 Phi_m^T, times mean q per column. */
  private double[][] dense(boolean useQ) {
    double[][] tau = new double[T][N];
    addModel(tau, train1, target1, 6);
    addModel(tau, train2, target2, 4);
    for (int z = 0; z < T; z++) {
      for (int i = 0; i < N; i++) {
        tau[z][i] /= 2;
        if (useQ) {
          tau[z][i] *= (q1[i] + (double) q2[i]) / 2;
        }
      }
    }
    return tau;
  }

  private static void addModel(double[][] tau, float[] train, float[] targets, int k) {
    double[][] g = Dense.weightedGram(train, N, k, null, LAMBDA);
    for (int z = 0; z < T; z++) {
      double[] phiZ = new double[k];
      for (int a = 0; a < k; a++) {
        phiZ[a] = targets[z * k + a];
      }
      double[] a = Dense.solve(g, phiZ); // G symmetric: phi_z^T G^-1 = (G^-1 phi_z)^T
      for (int i = 0; i < N; i++) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += a[c] * train[i * k + c];
        }
        tau[z][i] += sum;
      }
    }
  }

  private static void assertClose(Scores actual, double[][] expected, double relative) {
    assertThat(actual.targets()).isEqualTo(expected.length);
    assertThat(actual.pool()).isEqualTo(expected[0].length);
    double scale = 0;
    for (double[] row : expected) {
      scale = Math.max(scale, Dense.maxAbs(row));
    }
    for (int z = 0; z < expected.length; z++) {
      for (int i = 0; i < expected[z].length; i++) {
        assertThat((double) actual.get(z, i))
            .as("tau(%d)_%d", z, i)
            .isCloseTo(expected[z][i], within(relative * scale));
      }
    }
  }

  private static double[][] toDouble(Scores s) {
    double[][] out = new double[s.targets()][s.pool()];
    for (int z = 0; z < s.targets(); z++) {
      for (int i = 0; i < s.pool(); i++) {
        out[z][i] = s.get(z, i);
      }
    }
    return out;
  }

  private float[] uniform(int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextFloat();
    }
    return values;
  }

  /** A FeatureRows that is neither an array nor a file, to exercise the generic loading path. */
  private record Wrapped(FeatureRows inner) implements FeatureRows {
    @Override
    public int rows() {
      return inner.rows();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public void read(int firstRow, int count, float[] into) {
      inner.read(firstRow, count, into);
    }
  }
}
