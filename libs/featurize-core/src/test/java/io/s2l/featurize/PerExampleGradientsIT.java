package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.s2l.classifier.ClassifierEvaluation;
import io.s2l.classifier.TrainedClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-example gradients of the log-odds margin on a real PyTorch engine, both families. */
class PerExampleGradientsIT {

  private static final Logger log = LoggerFactory.getLogger(PerExampleGradientsIT.class);

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void theWeightCopiesPathEqualsOneBackwardPerExample(String family) {
    try (TrainedClassifier model = TrainedDigits.train(family)) {
      PerExampleGradients gradients = PerExampleGradients.of(model);
      float[][] pixels = TrainedDigits.testPixels(64);
      int[] labels = TrainedDigits.testLabels(64);
      PerExampleGradients.Result batched = gradients.batched(pixels, labels);
      PerExampleGradients.Result loop = gradients.loop(pixels, labels);

      assertThat(gradients.parameterCount()).isEqualTo(model.network().paramCount());
      assertThat(batched.gradients()).hasSize(64 * gradients.parameterCount());
      double worst = 0;
      int identical = 0;
      for (int i = 0; i < 64; i++) {
        worst = Math.max(worst, relativeDistance(batched.row(i), loop.row(i)));
        identical += Arrays.equals(batched.row(i), loop.row(i)) ? 1 : 0;
        assertThat(batched.margins()[i]).isCloseTo(loop.margins()[i], within(1e-5f));
      }
      log.info(
          "{}: p = {}, worst relative L2 difference batched vs loop {}, {} of 64 bit-identical",
          family,
          gradients.parameterCount(),
          worst,
          identical);
      assertThat(worst).isLessThan(1e-5);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void marginsAreThoseOfClassifierEvaluation(String family) {
    try (TrainedClassifier model = TrainedDigits.train(family)) {
      float[][] pixels = TrainedDigits.testPixels(100);
      int[] labels = TrainedDigits.testLabels(100);
      float[] expected = ClassifierEvaluation.evaluate(model, pixels, labels, 100).margins();
      float[] margins = PerExampleGradients.of(model).batched(pixels, labels).margins();
      for (int i = 0; i < 100; i++) {
        assertThat(margins[i]).as("example %d", i).isCloseTo(expected[i], within(1e-4f));
      }
    }
  }

  /**
   * The head bias enters the logits as z = ... + b, so its gradient is df/dz: 1 at the correct
   * class, minus the softmax over the other classes elsewhere, computed here from the network's
   * logits in double precision.
   */
  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void theHeadBiasGradientIsTheClosedFormDerivativeOfTheMargin(String family) {
    try (TrainedClassifier model = TrainedDigits.train(family);
        NDManager manager = model.model().getNDManager().newSubManager()) {
      float[][] pixels = TrainedDigits.testPixels(32);
      int[] labels = TrainedDigits.testLabels(32);
      PerExampleGradients gradients = PerExampleGradients.of(model);
      PerExampleGradients.Result result = gradients.batched(pixels, labels);
      ParameterSlice headBias = gradients.layout().get(gradients.layout().size() - 1);
      assertThat(headBias.name()).endsWith("head_bias");
      int classes = model.network().classes();
      float[] flat = new float[32 * 64];
      for (int i = 0; i < 32; i++) {
        System.arraycopy(pixels[i], 0, flat, i * 64, 64);
      }
      float[] logits =
          model
              .network()
              .forward(
                  new ParameterStore(manager, false),
                  new NDList(manager.create(flat, model.network().inputShape(32))),
                  false)
              .singletonOrThrow()
              .toFloatArray();
      for (int i = 0; i < 32; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
          max = j == labels[i] ? max : Math.max(max, logits[i * classes + j]);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
          sum += j == labels[i] ? 0 : Math.exp(logits[i * classes + j] - max);
        }
        float[] row = result.row(i);
        for (int j = 0; j < classes; j++) {
          double expected = j == labels[i] ? 1 : -Math.exp(logits[i * classes + j] - max) / sum;
          assertThat((double) row[headBias.offset() + j])
              .as("example %d class %d", i, j)
              .isCloseTo(expected, within(1e-5));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void anExamplesGradientDoesNotDependOnTheRestOfItsBatch(String family) {
    try (TrainedClassifier model = TrainedDigits.train(family)) {
      PerExampleGradients gradients = PerExampleGradients.of(model);
      float[][] pixels = TrainedDigits.testPixels(32);
      int[] labels = TrainedDigits.testLabels(32);
      PerExampleGradients.Result together = gradients.batched(pixels, labels);
      int identical = 0;
      double worst = 0;
      for (int i = 0; i < 32; i++) {
        float[] alone =
            gradients.batched(new float[][] {pixels[i]}, new int[] {labels[i]}).gradients();
        float[] inBatch = together.row(i);
        identical += Arrays.equals(alone, inBatch) ? 1 : 0;
        worst = Math.max(worst, relativeDistance(inBatch, alone));
      }
      log.info(
          "{}: {} of 32 gradients bit-identical alone and in a batch of 32, worst relative L2 {}",
          family,
          identical,
          worst);
      // the mlp's broadcast-and-sum layers reduce in an order independent of the batch; PyTorch's
      // grouped convolution does not
      if ("mlp".equals(family)) {
        assertThat(identical).isEqualTo(32);
      }
      assertThat(worst).isLessThan(1e-5);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void leavesTheModelAndItsManagerAsTheyWere(String family) {
    try (TrainedClassifier model = TrainedDigits.train(family)) {
      List<float[]> before = parameterValues(model);
      int managed = model.model().getNDManager().getManagedArrays().size();
      PerExampleGradients gradients = PerExampleGradients.of(model);
      gradients.batched(TrainedDigits.testPixels(16), TrainedDigits.testLabels(16));
      gradients.loop(TrainedDigits.testPixels(4), TrainedDigits.testLabels(4));
      assertThat(model.model().getNDManager().getManagedArrays()).hasSize(managed);
      List<float[]> after = parameterValues(model);
      for (int i = 0; i < before.size(); i++) {
        assertThat(after.get(i)).containsExactly(before.get(i));
      }
    }
  }

  /** Timing only (logged): best of three runs of each path over 256 training digits. */
  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void measuresTheBatchedPathAgainstTheLoop(String family) {
    try (TrainedClassifier model = TrainedDigits.train(family)) {
      PerExampleGradients gradients = PerExampleGradients.of(model);
      float[][] pixels = Arrays.copyOf(TrainedDigits.DIGITS.trainPixels(), 256);
      int[] labels = Arrays.copyOf(TrainedDigits.DIGITS.trainLabels(), 256);
      long batched = Long.MAX_VALUE;
      long loop = Long.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long t0 = System.nanoTime();
        gradients.batched(pixels, labels);
        long t1 = System.nanoTime();
        gradients.loop(pixels, labels);
        long t2 = System.nanoTime();
        batched = Math.min(batched, t1 - t0);
        loop = Math.min(loop, t2 - t1);
      }
      log.info(
          "{}: 256 examples, p = {}: batched {} ms, loop {} ms, {}x",
          family,
          gradients.parameterCount(),
          batched / 1_000_000,
          loop / 1_000_000,
          String.format("%.1f", (double) loop / batched));
      assertThat(batched).isPositive();
    }
  }

  /** {@code |a - b| / |b|} in L2. */
  static double relativeDistance(float[] a, float[] b) {
    double diff = 0;
    double norm = 0;
    for (int t = 0; t < a.length; t++) {
      diff += ((double) a[t] - b[t]) * ((double) a[t] - b[t]);
      norm += (double) b[t] * b[t];
    }
    return Math.sqrt(diff / norm);
  }

  private static List<float[]> parameterValues(TrainedClassifier model) {
    List<float[]> values = new ArrayList<>();
    model
        .network()
        .getParameters()
        .forEach(p -> values.add(p.getValue().getArray().toFloatArray()));
    return values;
  }
}
