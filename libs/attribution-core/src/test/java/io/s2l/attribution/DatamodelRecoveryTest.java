package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A known sparse linear datamodel: outputs y_j(z) = b_z + sum_{i in S_j} w_z,i + noise (sd 0.05) on
 * random half-subsets of a pool of 50. Cross-validated LASSO recovers w (support and values), and
 * on fresh subsets its LDS is close to 1, while random scores have an LDS near 0.
 */
class DatamodelRecoveryTest {

  private static final int POOL = 50;
  private static final int TRAIN_SUBSETS = 400;
  private static final int FRESH_SUBSETS = 200;
  private static final double NOISE = 0.05;
  private static final int[][] SUPPORT = {
    {1, 7, 12, 20, 33, 41, 45, 49}, {0, 5, 9, 30, 31, 44}, {2, 14, 15, 27, 38, 40}
  };
  private static final double[] INTERCEPT = {2.0, -1.0, 0.5};

  private final Random random = new Random(2022);
  private final double[][] truth = trueWeights();

  @Test
  void crossValidatedLassoRecoversTheSparseWeights() {
    boolean[][] subsets = halfSubsets(TRAIN_SUBSETS);
    double[][] outputs = outputs(subsets);
    double[] y = new double[TRAIN_SUBSETS];
    for (int j = 0; j < TRAIN_SUBSETS; j++) {
      y[j] = outputs[j][0];
    }

    Lasso.Fit fit = Lasso.fitCrossValidated(subsets, y, 5, 17);

    assertThat(fit.converged()).isTrue();
    for (int i = 0; i < POOL; i++) {
      assertThat(fit.weights()[i]).as("w_%d", i).isCloseTo(truth[0][i], within(0.05));
      assertThat(Math.abs(fit.weights()[i]) > 0.1)
          .as("example %d in the recovered support", i)
          .isEqualTo(truth[0][i] != 0);
    }
    assertThat(fit.intercept()).isCloseTo(INTERCEPT[0], within(0.1));
  }

  @Test
  void recoveredDatamodelsPredictFreshSubsetsAndRandomScoresDoNot() {
    boolean[][] subsets = halfSubsets(TRAIN_SUBSETS);
    Scores datamodels = Lasso.datamodels(subsets, outputs(subsets), 5, 17);
    boolean[][] fresh = halfSubsets(FRESH_SUBSETS);
    double[][] freshOutputs = outputs(fresh);

    Lds lds = LinearDatamodelScore.evaluate(datamodels, fresh, freshOutputs, 3);

    assertThat(lds.undefinedTargets()).isZero();
    for (double perTarget : lds.perTarget()) {
      assertThat(perTarget).isGreaterThan(0.9);
    }
    assertThat(lds.mean()).isGreaterThan(0.95);
    assertThat(lds.ci95().low()).isGreaterThan(0.9);

    float[] noise = new float[datamodels.values().length];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) random.nextGaussian();
    }
    Lds chance = LinearDatamodelScore.evaluate(new Scores(3, POOL, noise), fresh, freshOutputs, 3);
    assertThat(chance.mean()).isCloseTo(0, within(0.15));
  }

  private double[][] trueWeights() {
    double[][] w = new double[SUPPORT.length][POOL];
    for (int z = 0; z < SUPPORT.length; z++) {
      for (int i : SUPPORT[z]) {
        double magnitude = 0.5 + random.nextDouble();
        w[z][i] = random.nextBoolean() ? magnitude : -magnitude;
      }
    }
    return w;
  }

  /** Subsets of exactly half the pool, uniformly at random. */
  private boolean[][] halfSubsets(int count) {
    boolean[][] subsets = new boolean[count][POOL];
    int[] order = new int[POOL];
    for (int j = 0; j < count; j++) {
      for (int i = 0; i < POOL; i++) {
        order[i] = i;
      }
      for (int i = 0; i < POOL / 2; i++) {
        int pick = i + random.nextInt(POOL - i);
        int swap = order[i];
        order[i] = order[pick];
        order[pick] = swap;
        subsets[j][order[i]] = true;
      }
    }
    return subsets;
  }

  private double[][] outputs(boolean[][] subsets) {
    double[][] y = new double[subsets.length][SUPPORT.length];
    for (int j = 0; j < subsets.length; j++) {
      for (int z = 0; z < SUPPORT.length; z++) {
        double sum = INTERCEPT[z] + NOISE * random.nextGaussian();
        for (int i = 0; i < POOL; i++) {
          if (subsets[j][i]) {
            sum += truth[z][i];
          }
        }
        y[j][z] = sum;
      }
    }
    return y;
  }
}
