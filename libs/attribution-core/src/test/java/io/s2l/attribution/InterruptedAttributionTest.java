package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * An attribution whose thread is interrupted (its job ran past its time limit) stops instead of
 * computing to the end, its parallel steps included, and the interrupt stays set for the caller.
 */
class InterruptedAttributionTest {

  private static final int POOL = 12;
  private static final int TARGETS = 4;
  private static final int SUBSETS = 20;

  private final Random random = new Random(7);

  @Test
  void trakScoringStops() {
    float[] train = Dense.gaussian(random, POOL, 3);
    float[] targets = Dense.gaussian(random, TARGETS, 3);
    ModelFeatures model =
        new ModelFeatures(
            FeatureRows.of(train, POOL, 3), FeatureRows.of(targets, TARGETS, 3), null);
    assertStopsWhenInterrupted(() -> Trak.score(List.of(model), 0.5, false, 4));
  }

  @Test
  void lassoDatamodelsStop() {
    assertStopsWhenInterrupted(() -> Lasso.datamodels(subsets(), outputs(), 5, 1));
  }

  @Test
  void theLinearDatamodelScoreStops() {
    float[] values = new float[TARGETS * POOL];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    Scores scores = new Scores(TARGETS, POOL, values);
    assertStopsWhenInterrupted(
        () -> LinearDatamodelScore.evaluate(scores, subsets(), outputs(), 1));
  }

  private static void assertStopsWhenInterrupted(ThrowingCallable work) {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(work).isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private boolean[][] subsets() {
    boolean[][] subsets = new boolean[SUBSETS][POOL];
    for (boolean[] subset : subsets) {
      for (int i = 0; i < POOL; i++) {
        subset[i] = random.nextBoolean();
      }
    }
    return subsets;
  }

  /** Distinct outputs, so that every target's rank correlation is defined. */
  private static double[][] outputs() {
    return IntStream.range(0, SUBSETS)
        .mapToObj(
            j -> IntStream.range(0, TARGETS).mapToDouble(z -> Math.sin(j + 3.0 * z)).toArray())
        .toArray(double[][]::new);
  }
}
