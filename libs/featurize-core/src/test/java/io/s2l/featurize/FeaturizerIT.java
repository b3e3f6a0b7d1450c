package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.s2l.classifier.TrainedClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Featurisation end to end on a real engine: one mlp-32 trained on the built-in digits. */
class FeaturizerIT {

  private static final Logger log = LoggerFactory.getLogger(FeaturizerIT.class);

  static TrainedClassifier model;
  static PerExampleGradients gradients;

  @BeforeAll
  static void train() {
    model = TrainedDigits.train("mlp");
    gradients = PerExampleGradients.of(model);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void featuresAreTheProjectedPerExampleGradients() {
    float[][] pixels = TrainedDigits.testPixels(40);
    int[] labels = TrainedDigits.testLabels(40);
    int p = gradients.parameterCount();
    BlockProjection projection = new BlockProjection(p, 64, 3, 1000); // 4 blocks, the last partial
    float[] features = new Featurizer(projection, 16).featurize(gradients.over(pixels, labels));
    float[] expected = projection.project(gradients.loop(pixels, labels).gradients(), 40);
    assertThat(features).hasSize(40 * 64);
    for (int i = 0; i < 40; i++) {
      double norm = 0;
      for (int j = 0; j < 64; j++) {
        norm = Math.max(norm, Math.abs(expected[i * 64 + j]));
      }
      for (int j = 0; j < 64; j++) {
        assertThat((double) features[i * 64 + j])
            .as("example %d feature %d", i, j)
            .isCloseTo(expected[i * 64 + j], within(1e-5 * norm));
      }
    }
  }

  @Test
  void theEngineProjectionEqualsTheJavaProjection() {
    SplittableRandom random = new SplittableRandom(5);
    int p = 10_000;
    float[] g = BlockProjectionTest.gaussian(random, 8 * p);
    BlockProjection projection = new BlockProjection(p, 256, 17);
    float[] java = projection.project(g, 8);
    float[] engine;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray onEngine = projection.project(manager.create(g, new Shape(8, p)));
      assertThat(onEngine.getShape()).isEqualTo(new Shape(8, 256));
      engine = onEngine.toFloatArray();
    }
    // each feature is a sum of 10^4 terms of size ~0.06: float rounding ~ 1e-4 of the norm (~1)
    for (int t = 0; t < java.length; t++) {
      assertThat(engine[t]).isCloseTo(java[t], within(1e-3f));
    }
  }

  @Test
  void theSameSeedGivesBitIdenticalFeatures() {
    float[][] pixels = TrainedDigits.testPixels(100);
    int[] labels = TrainedDigits.testLabels(100);
    int p = gradients.parameterCount();
    GradientSource source = gradients.over(pixels, labels);
    float[] first = new Featurizer(new BlockProjection(p, 128, 1), 32).featurize(source);
    float[] again = new Featurizer(new BlockProjection(p, 128, 1), 32).featurize(source);
    float[] otherSeed = new Featurizer(new BlockProjection(p, 128, 2), 32).featurize(source);
    float[] otherChunks = new Featurizer(new BlockProjection(p, 128, 1), 7).featurize(source);
    assertThat(again).containsExactly(first);
    assertThat(otherSeed).isNotEqualTo(first);
    for (int t = 0; t < first.length; t++) {
      assertThat(otherChunks[t]).isCloseTo(first[t], within(1e-5f * (1 + Math.abs(first[t]))));
    }
  }

  @Test
  void aThousandDigitsAtK256KeepTheModelsManagerConstant() {
    float[][] pixels = Arrays.copyOf(TrainedDigits.DIGITS.trainPixels(), 1000);
    int[] labels = Arrays.copyOf(TrainedDigits.DIGITS.trainLabels(), 1000);
    int managed = model.model().getNDManager().getManagedArrays().size();
    Featurizer featurizer =
        new Featurizer(new BlockProjection(gradients.parameterCount(), 256, 9), 128);
    List<Integer> chunks = new ArrayList<>();
    long started = System.nanoTime();
    featurizer.featurize(
        gradients.over(pixels, labels),
        (first, rows, features) -> {
          assertThat(features).hasSize(rows * 256);
          chunks.add(first);
          assertThat(model.model().getNDManager().getManagedArrays()).hasSize(managed);
        });
    log.info(
        "featurised 1000 digits, p = {}, k = 256, chunks of 128, in {} ms",
        gradients.parameterCount(),
        (System.nanoTime() - started) / 1_000_000);
    assertThat(chunks).containsExactly(0, 128, 256, 384, 512, 640, 768, 896);
    assertThat(model.model().getNDManager().getManagedArrays()).hasSize(managed);
  }
}
