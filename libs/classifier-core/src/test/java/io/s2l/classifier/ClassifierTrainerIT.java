package io.s2l.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.s2l.corpus.ImageSet;
import io.s2l.study.ComputeEstimate;
import io.s2l.study.ImageGeometry;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Training and evaluation on a real PyTorch engine, on synthetic stripes (see SyntheticImages). */
class ClassifierTrainerIT {

  static final ClassifierSettings SHORT = ClassifierSettings.DEFAULTS.withEpochs(5);
  static ImageSet data;

  @BeforeAll
  static void engine() {
    ClassifierEngine.start(1);
    data = SyntheticImages.stripes(64, 32, 11); // 256 train, 128 test
  }

  static ClassifierScale scale(String family, int width) {
    return new ClassifierScale(family + "-" + width, family, width, 2);
  }

  static ClassifierEvaluation.Result trainAndEvaluate(
      ClassifierScale scale, ClassifierSettings settings, long seed, int[] subset) {
    try (TrainedClassifier model =
        ClassifierTrainer.train(scale, settings, seed, data, subset, ClassifierProgress.NONE)) {
      return ClassifierEvaluation.evaluate(model, data.testPixels(), data.testLabels(), 50);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void theSameSeedGivesBitIdenticalLosses(String family) {
    float[] first = trainAndEvaluate(scale(family, 16), SHORT, 7, null).losses();
    float[] second = trainAndEvaluate(scale(family, 16), SHORT, 7, null).losses();
    float[] other = trainAndEvaluate(scale(family, 16), SHORT, 8, null).losses();
    assertThat(second).containsExactly(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void onlyTheMultisetOfTrainIndicesMatters() {
    int[] subset = {5, 9, 9, 40, 41, 42, 100, 7, 200, 201, 202, 203, 3, 3, 3, 17, 18, 19, 250};
    int[] reversed =
        IntStream.range(0, subset.length).map(i -> subset[subset.length - 1 - i]).toArray();
    float[] forward = trainAndEvaluate(scale("mlp", 16), SHORT, 3, subset).losses();
    float[] backward = trainAndEvaluate(scale("mlp", 16), SHORT, 3, reversed).losses();
    assertThat(backward).containsExactly(forward);
  }

  @Test
  void marginsAreTheLogOddsOfTheCorrectClass() {
    try (TrainedClassifier model =
            ClassifierTrainer.train(
                scale("cnn", 16),
                ClassifierSettings.DEFAULTS.withEpochs(2),
                5,
                data,
                null,
                ClassifierProgress.NONE);
        NDManager m = model.model().getNDManager().newSubManager()) {
      float[][] pixels = data.testPixels();
      int[] labels = data.testLabels();
      ClassifierEvaluation.Result result = ClassifierEvaluation.evaluate(model, pixels, labels, 32);

      float[] flat = new float[pixels.length * 64];
      for (int i = 0; i < pixels.length; i++) {
        System.arraycopy(pixels[i], 0, flat, i * 64, 64);
      }
      ParameterStore store = new ParameterStore(m, false);
      float[] logits =
          model
              .network()
              .forward(
                  store,
                  new NDList(m.create(flat, model.network().inputShape(pixels.length))),
                  false)
              .singletonOrThrow()
              .toFloatArray();
      int checked = 0;
      for (int i = 0; i < pixels.length; i++) {
        // the textbook way: softmax probabilities, then log(p / (1 - p)) and -log p
        double sum = 0;
        int argmax = 0;
        for (int j = 0; j < 4; j++) {
          sum += Math.exp(logits[i * 4 + j]);
          argmax = logits[i * 4 + j] > logits[i * 4 + argmax] ? j : argmax;
        }
        double p = Math.exp(logits[i * 4 + labels[i]]) / sum;
        assertThat(result.correct()[i]).isEqualTo(argmax == labels[i]);
        assertThat((double) result.losses()[i]).isCloseTo(-Math.log(p), within(1e-4));
        if (p < 1 - 1e-9) {
          assertThat((double) result.margins()[i]).isCloseTo(Math.log(p / (1 - p)), within(1e-4));
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(pixels.length * 9 / 10);
    }
  }

  @Test
  void marginsStayFiniteWhenTheSoftmaxSaturates() {
    try (TrainedClassifier model =
        ClassifierTrainer.train(
            scale("mlp", 16), SHORT.withEpochs(20), 2, data, null, ClassifierProgress.NONE)) {
      // Sharpen the trained model: logits x 50 push p far past 1 - 2^-24, the float rounding limit
      NDManager manager = model.model().getNDManager();
      for (Pair<String, Parameter> p : model.network().getParameters()) {
        if (p.getKey().endsWith("head_weight") || p.getKey().endsWith("head_bias")) {
          p.getValue().getArray().muli(manager.create(50f));
        }
      }
      ClassifierEvaluation.Result result =
          ClassifierEvaluation.evaluate(model, data.testPixels(), data.testLabels(), 64);
      float max = Float.NEGATIVE_INFINITY;
      for (int i = 0; i < result.margins().length; i++) {
        assertThat(result.margins()[i]).isFinite();
        assertThat(result.losses()[i]).isFinite();
        max = Math.max(max, result.margins()[i]);
      }
      // a float softmax rounds p to 1 beyond log-odds of about 17, where log(p / (1 - p)) is
      // infinite
      assertThat(max).isGreaterThan(50f);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn"})
  void everyWidthFrom8To128TrainsWithoutNaN(String family) {
    for (int width = 8; width <= 128; width *= 2) {
      List<Float> losses = new ArrayList<>();
      try (TrainedClassifier model =
          ClassifierTrainer.train(
              scale(family, width), SHORT, 1, data, null, (s, t, loss) -> losses.add(loss))) {
        ClassifierEvaluation.Result result =
            ClassifierEvaluation.evaluate(model, data.testPixels(), data.testLabels(), 64);
        assertThat(losses).as("width %d", width).hasSize(20).allMatch(Float::isFinite);
        assertThat(result.losses()).as("width %d", width).doesNotContain(Float.NaN);
        assertThat(result.margins()).as("width %d", width).doesNotContain(Float.NaN);
        assertThat(model.stats().finalLoss()).as("width %d", width).isFinite();
      }
    }
  }

  @Test
  void statsAccountForEveryExampleIncludingDuplicates() {
    int[] subset = {0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
    ClassifierSettings settings = new ClassifierSettings(3, 8, 3e-3, 0.05, 0.01, 1.0);
    try (TrainedClassifier model =
        ClassifierTrainer.train(scale("mlp", 8), settings, 1, data, subset, (s, t, l) -> {})) {
      ClassifierStats stats = model.stats();
      assertThat(stats.steps()).isEqualTo(3 * 3); // ceil(20 / 8) per epoch
      assertThat(stats.examplesSeen()).isEqualTo(60);
      assertThat(stats.params()).isEqualTo((64 + 1) * 8 + (8 + 1) * 8 + (8 + 1) * 4);
      assertThat(stats.flops()).isEqualTo(6.0 * stats.params() * 60);
    }
  }

  @ParameterizedTest
  @CsvSource({"mlp, 8, 1, 37, 2", "mlp, 16, 3, 20, 3", "cnn, 4, 2, 25, 2", "cnn, 8, 3, 16, 1"})
  void theQuotaEstimateEqualsTheFlopsTheTrainerReports(
      String family, int width, int depth, int examples, int epochs) {
    ClassifierScale scale = new ClassifierScale(family + "-" + width, family, width, depth);
    ClassifierSettings settings = new ClassifierSettings(epochs, 8, 3e-3, 0.05, 0.01, 1.0);
    int[] subset = IntStream.range(0, examples).map(i -> i % 7).toArray(); // duplicates count
    TrainingJobSpec job =
        new TrainingJobSpec(
            "synthetic",
            new ModelScale(scale.name(), width, depth, null, null, family),
            new MixtureSpec("subset", null, IntStream.of(subset).mapToObj(i -> "id" + i).toList()),
            1,
            null,
            List.of(),
            new TrainingSettings(8, 3e-3, 0.05, 0.01, 1.0, null, epochs));
    ImageGeometry images =
        new ImageGeometry(
            data.height(), data.width(), data.channels(), data.classes(), data.testIds().size());
    try (TrainedClassifier model =
        ClassifierTrainer.train(scale, settings, 1, data, subset, ClassifierProgress.NONE)) {
      assertThat(ComputeEstimate.training(job, images)).isEqualTo(model.stats().flops());
    }
  }

  @Test
  void theModelsManagerDoesNotGrowWithTheNumberOfSteps() {
    int[] managed = new int[2];
    int[] epochs = {1, 20};
    for (int i = 0; i < 2; i++) {
      try (TrainedClassifier model =
          ClassifierTrainer.train(
              scale("cnn", 8),
              ClassifierSettings.DEFAULTS.withEpochs(epochs[i]),
              1,
              data,
              null,
              ClassifierProgress.NONE)) {
        ClassifierEvaluation.evaluate(model, data.testPixels(), data.testLabels(), 64);
        managed[i] = model.model().getNDManager().getManagedArrays().size();
      }
    }
    assertThat(managed[1]).isEqualTo(managed[0]);
  }

  @Test
  void refusesAnIndexOutsideTheTrainingSet() {
    assertThatThrownBy(
            () ->
                ClassifierTrainer.train(
                    scale("mlp", 8), SHORT, 1, data, new int[] {0, 256}, ClassifierProgress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256");
  }
}
