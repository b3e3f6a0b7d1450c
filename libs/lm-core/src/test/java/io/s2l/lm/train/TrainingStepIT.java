package io.s2l.lm.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.PairList;
import io.s2l.djl.GlobalNormClipping;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pieces of one training step, on a real PyTorch engine, against closed forms. */
class TrainingStepIT {

  @BeforeAll
  static void engine() {
    LmEngine.start(1);
  }

  @Test
  void theGlobalNormIsTheSquareRootOfEverySquaredElementSummed() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      // 3^2 + 4^2 + 12^2 + 84^2 = 7225 = 85^2
      NDList gradients =
          new NDList(
              m.create(new float[] {3, -4}, new Shape(1, 2)),
              m.create(new float[] {12}),
              m.create(new float[] {0, 84, 0, 0}, new Shape(2, 2)));
      assertThat(GlobalNormClipping.norm(gradients)).isEqualTo(85f);
    }
  }

  @Test
  void theNormOfManyArraysAgreesWithASumInDoublePrecision() {
    SplittableRandom random = new SplittableRandom(11);
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDList gradients = new NDList();
      double squares = 0;
      for (int a = 0; a < 7; a++) {
        float[] values = new float[1 + random.nextInt(500)];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (random.nextGaussian() * 1e-2);
          squares += (double) values[i] * values[i];
        }
        gradients.add(m.create(values));
      }
      assertThat((double) GlobalNormClipping.norm(gradients))
          .isCloseTo(Math.sqrt(squares), within(1e-6 * Math.sqrt(squares)));
    }
  }

  @Test
  void theClippingFactorBringsTheNormDownToTheThresholdAndLeavesSmallerNormsAlone() {
    assertThat(GlobalNormClipping.factor(85f, 1f)).isEqualTo(1f / (85f + 1e-6f));
    assertThat(GlobalNormClipping.factor(1f, 1f)).isEqualTo(1f);
    assertThat(GlobalNormClipping.factor(0.25f, 1f)).isEqualTo(1f);
  }

  @Test
  void aGradientScaleInsideTheUpdateEqualsScalingTheGradientFirst() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      float[] w = {0.5f, -1.25f, 2f, 0.01f};
      float[] g = {0.3f, -0.7f, 1.9f, -0.05f};
      NDArray inside = m.create(w);
      NDArray first = m.create(w);
      ResumableAdamW a = new ResumableAdamW(Tracker.fixed(1e-2f), 0.01f);
      ResumableAdamW b = new ResumableAdamW(Tracker.fixed(1e-2f), 0.01f);
      for (int step = 0; step < 3; step++) {
        float scale = 0.37f + step;
        a.update("w", inside, m.create(g), scale);
        NDArray scaled = m.create(g);
        scaled.muli(m.create(scale));
        b.update("w", first, scaled);
      }
      assertThat(inside.toFloatArray()).containsExactly(first.toFloatArray());
      assertThat(inside.toFloatArray()).isNotEqualTo(w);
    }
  }

  /**
   * One clipped update of a Linear layer whose gradients are known in closed form: for y = W x + b
   * with x = (1, 2, 3) and the loss 50 * sum(y), every row of dW is 50 x and db = (50, 50), so the
   * global norm is 50 sqrt(2 * 14 + 2) = 50 sqrt(30). After one AdamW update the first moment is (1
   * - beta1) times the gradient the update used: the clipped one.
   */
  @Test
  void theUpdateUsesTheGradientScaledDownToTheClipThreshold() {
    double norm = 50 * Math.sqrt(30);
    float[] unclipped = {0.1f * 50, 0.1f * 100, 0.1f * 150, 0.1f * 50, 0.1f * 100, 0.1f * 150};
    float[] clipped = new float[unclipped.length];
    for (int i = 0; i < clipped.length; i++) {
      clipped[i] = (float) (unclipped[i] / (norm + 1e-6));
    }
    assertThat(clippedFirstMoment(1f, norm)).containsExactly(clipped, within(1e-6f));
    assertThat(clippedFirstMoment(1000f, norm)).containsExactly(unclipped, within(1e-5f));
  }

  private static float[] clippedFirstMoment(float clip, double expectedNorm) {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      Linear linear = Linear.builder().setUnits(2).build();
      linear.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      PairList<String, Parameter> parameters = linear.getParameters();
      try (NDManager step = m.newSubManager()) {
        try (GradientCollector collector = m.getEngine().newGradientCollector()) {
          NDArray y =
              linear
                  .forward(
                      new ParameterStore(step, false),
                      new NDList(step.create(new float[] {1, 2, 3}, new Shape(1, 3))),
                      true)
                  .singletonOrThrow();
          collector.backward(y.sum().mul(step.create(50f)));
        }
        ResumableAdamW optimizer = new ResumableAdamW(Tracker.fixed(1e-3f), 0.01f);
        float norm = LmTrainer.clipAndUpdate(optimizer, parameters, clip, step);
        assertThat((double) norm).isCloseTo(expectedNorm, within(1e-3));
        Parameter weight = parameters.get("weight");
        return optimizer.firstMoment(weight.getId()).toFloatArray();
      }
    }
  }

  @Test
  void theMeanTokenLossEqualsTheMeanOfThePerTokenLosses() {
    SplittableRandom random = new SplittableRandom(5);
    int batch = 3;
    int time = 5;
    int vocabulary = 11;
    float[] logits = new float[batch * time * vocabulary];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) random.nextGaussian() * 3;
    }
    long[] targets = new long[batch * time];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = random.nextInt(vocabulary);
    }
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray x = m.create(logits, new Shape(batch, time, vocabulary));
      float mean = TokenLoss.mean(x, m.create(targets, new Shape(batch, time, 1))).getFloat();
      float[] perToken =
          TokenLoss.perToken(x, m.create(targets, new Shape(batch, time))).toFloatArray();
      double expected = 0;
      for (int i = 0; i < targets.length; i++) {
        // -log softmax(row)[target], computed here in double precision
        double max = Double.NEGATIVE_INFINITY;
        int row = i * vocabulary;
        for (int v = 0; v < vocabulary; v++) {
          max = Math.max(max, logits[row + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocabulary; v++) {
          sum += Math.exp(logits[row + v] - max);
        }
        double loss = max + Math.log(sum) - logits[row + (int) targets[i]];
        assertThat((double) perToken[i]).isCloseTo(loss, within(1e-5));
        expected += loss / targets.length;
      }
      assertThat((double) mean).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void windowsSplitIntoInputsAndNextTokenTargets() {
    long[] windows = {1, 2, 3, 4, 10, 20, 30, 40};
    assertThat(Windows.inputs(windows, 2, 3)).containsExactly(1, 2, 3, 10, 20, 30);
    assertThat(Windows.targets(windows, 2, 3)).containsExactly(2, 3, 4, 20, 30, 40);
    assertThatThrownBy(() -> Windows.inputs(windows, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 tokens are not 3 windows of 4");
  }
}
