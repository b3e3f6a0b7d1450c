package io.s2l.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The network on a real PyTorch engine: its parameters and its output shape. */
class ImageClassifierIT {

  @BeforeAll
  static void engine() {
    ClassifierEngine.start(1);
  }

  @ParameterizedTest(name = "{0} width {1} depth {2} on {3}x{4}x{5}")
  @CsvSource({
    "mlp, 8, 2, 8, 8, 1",
    "mlp, 64, 2, 8, 8, 1",
    "mlp, 32, 3, 12, 10, 3",
    "cnn, 8, 2, 8, 8, 1",
    "cnn, 64, 2, 8, 8, 1",
    "cnn, 16, 4, 12, 10, 3"
  })
  void parameterCountIsTheSumOfDjlParameterSizes(
      String family, int width, int depth, int height, int imageWidth, int channels) {
    ClassifierScale scale = new ClassifierScale(family + "-" + width, family, width, depth);
    try (Model model = Model.newInstance("count");
        NDManager m = model.getNDManager().newSubManager()) {
      ImageClassifier network = new ImageClassifier(scale, height, imageWidth, channels, 10);
      network.initialize(model.getNDManager(), DataType.FLOAT32, network.inputShape(2));
      long total = 0;
      for (Pair<String, Parameter> p : network.getParameters()) {
        total += p.getValue().getArray().size();
      }
      assertThat(total)
          .isEqualTo(scale.params(height, imageWidth, channels, 10))
          .isEqualTo(network.paramCount());

      ParameterStore store = new ParameterStore(m, false);
      Shape out =
          network
              .forward(store, new NDList(m.ones(network.inputShape(5))), false)
              .singletonOrThrow()
              .getShape();
      assertThat(out).isEqualTo(new Shape(5, 10));
    }
  }
}
