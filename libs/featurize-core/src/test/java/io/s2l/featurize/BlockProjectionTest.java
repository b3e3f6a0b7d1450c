package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projection in plain Java: its entries, its determinism and its Johnson-Lindenstrauss bound.
 */
class BlockProjectionTest {

  private static final Logger log = LoggerFactory.getLogger(BlockProjectionTest.class);

  @Test
  void rowsAreConsecutiveItemsOfASplittableRandomStream() {
    // the documented closed form: row r's words are items r*words .. of
    // SplittableRandom(mix64(seed))
    int p = 300;
    int k = 100; // 2 words per row, the second one half used
    BlockProjection projection = new BlockProjection(p, k, 42, 64);
    SplittableRandom reference = new SplittableRandom(BlockProjection.mix64(42));
    float s = (float) (1 / Math.sqrt(k));
    for (int r = 0; r < p; r++) {
      long[] words = {reference.nextLong(), reference.nextLong()};
      for (int j = 0; j < k; j++) {
        float expected = ((words[j / 64] >>> (j % 64)) & 1) == 0 ? s : -s;
        assertThat(projection.entry(r, j)).as("P[%d][%d]", r, j).isEqualTo(expected);
      }
    }
  }

  @Test
  void signsAreBalancedAndIndependentOfTheBlockSize() {
    BlockProjection small = new BlockProjection(1000, 256, 7, 3);
    BlockProjection large = new BlockProjection(1000, 256, 7);
    float[] block = small.newBlock();
    int negative = 0;
    for (int b = 0; b < small.blocks(); b++) {
      int rows = small.fillBlock(b, block);
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < 256; j++) {
          assertThat(block[r * 256 + j]).isEqualTo(large.entry(3 * b + r, j));
          negative += block[r * 256 + j] < 0 ? 1 : 0;
        }
      }
    }
    // 256,000 fair coins: mean 128,000, sd 253; 5 sd either way
    assertThat(negative).isBetween(128_000 - 1265, 128_000 + 1265);
  }

  @Test
  void sameSeedSameFeaturesOtherSeedOtherFeatures() {
    float[] g = gaussian(new SplittableRandom(1), 5000);
    float[] first = new BlockProjection(5000, 128, 9).project(g);
    float[] again = new BlockProjection(5000, 128, 9).project(g);
    float[] other = new BlockProjection(5000, 128, 10).project(g);
    assertThat(again).containsExactly(first);
    assertThat(other).isNotEqualTo(first);
    float[] reblocked = new BlockProjection(5000, 128, 9, 1000).project(g);
    for (int j = 0; j < 128; j++) {
      assertThat(reblocked[j]).isCloseTo(first[j], within(1e-4f));
    }
  }

  @Test
  void batchedProjectionEqualsOneAtATime() {
    SplittableRandom random = new SplittableRandom(3);
    int p = 777;
    float[] batch = gaussian(random, 5 * p);
    BlockProjection projection = new BlockProjection(p, 64, 5, 100);
    float[] together = projection.project(batch, 5);
    for (int e = 0; e < 5; e++) {
      float[] one = new float[p];
      System.arraycopy(batch, e * p, one, 0, p);
      float[] alone = projection.project(one);
      for (int j = 0; j < 64; j++) {
        assertThat(together[e * 64 + j]).isEqualTo(alone[j]);
      }
    }
  }

  /**
   * Johnson-Lindenstrauss: for Rademacher P with entries +-1/sqrt(k) and fixed a, b, the error e =
   *
   * <P^T a, P^T b>- <a, b> has mean 0 and variance (|a|^2|b|^2 + <a,b>^2 - 2 sum a_i^2 b_i^2) / k
   * (Achlioptas 2003, by direct expansion of the fourth moments). Pairs with correlation rho, so
   * the normalised error e / (|a||b|) has sd about sqrt((1 + rho^2) / k): 0.031 to 0.044 at k =
   * 1024. The bound eps = 3 / sqrt(k) = 0.094 is then 2.1 to 3 sd: at most 3.6% of pairs may exceed
   * it (normal tail at 2.1 sd), we allow 6%; the mean of e^2 / var must be 1 within 4 standard
   * errors of a chi-square mean (sqrt(2 / pairs)).
   */
  @Test
  void innerProductsArePreservedWithinTheJohnsonLindenstraussBound() {
    int p = 2000;
    int k = 1024;
    int pairs = 200;
    BlockProjection projection = new BlockProjection(p, k, 2024);
    SplittableRandom random = new SplittableRandom(11);
    double eps = 3 / Math.sqrt(k);
    int exceeded = 0;
    double meanSquaredZ = 0;
    double meanZ = 0;
    float[] batch = new float[2 * pairs * p];
    double[] rho = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      rho[i] = (i % 5) / 4.0; // 0, 0.25, 0.5, 0.75, 1
      float[] a = gaussian(random, p);
      float[] noise = gaussian(random, p);
      for (int t = 0; t < p; t++) {
        batch[2 * i * p + t] = a[t];
        batch[(2 * i + 1) * p + t] =
            (float) (rho[i] * a[t] + Math.sqrt(1 - rho[i] * rho[i]) * noise[t]);
      }
    }
    float[] features = projection.project(batch, 2 * pairs);
    for (int i = 0; i < pairs; i++) {
      int a = 2 * i * p;
      int b = (2 * i + 1) * p;
      double ab = 0, aa = 0, bb = 0, a2b2 = 0;
      for (int t = 0; t < p; t++) {
        ab += (double) batch[a + t] * batch[b + t];
        aa += (double) batch[a + t] * batch[a + t];
        bb += (double) batch[b + t] * batch[b + t];
        a2b2 += (double) batch[a + t] * batch[a + t] * batch[b + t] * batch[b + t];
      }
      double projected = 0;
      for (int j = 0; j < k; j++) {
        projected += (double) features[2 * i * k + j] * features[(2 * i + 1) * k + j];
      }
      double error = projected - ab;
      double variance = (aa * bb + ab * ab - 2 * a2b2) / k;
      if (Math.abs(error) > eps * Math.sqrt(aa * bb)) {
        exceeded++;
      }
      meanZ += error / Math.sqrt(variance) / pairs;
      meanSquaredZ += error * error / variance / pairs;
    }
    log.info(
        "k = {}: {} of {} pairs beyond 3/sqrt(k), mean z {}, mean z^2 {}",
        k,
        exceeded,
        pairs,
        meanZ,
        meanSquaredZ);
    assertThat(exceeded).isLessThanOrEqualTo(pairs * 6 / 100);
    assertThat(meanZ).isCloseTo(0, within(4 / Math.sqrt(pairs)));
    assertThat(meanSquaredZ).isCloseTo(1, within(4 * Math.sqrt(2.0 / pairs)));
  }

  static float[] gaussian(SplittableRandom random, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      // Box-Muller
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      x[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return x;
  }
}
