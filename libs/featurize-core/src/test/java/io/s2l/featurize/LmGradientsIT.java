package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.Document;
import io.s2l.lm.eval.ScoredSequence;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.ModelScale;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-example gradients of the mean answer-byte margin of a tiny transformer, real engine. */
class LmGradientsIT {

  private static final Logger log = LoggerFactory.getLogger(LmGradientsIT.class);
  static final ModelScale TINY = TinyLm.TINY;

  static TrainedModel model;
  static LmGradients gradients;
  static List<ScoredSequence> sequences;

  @BeforeAll
  static void train() {
    model = TinyLm.train();
    gradients = LmGradients.of(model);
    // prompt + 6-byte answer; half of them longer than the 33-byte window, so their prompts are cut
    sequences = new ArrayList<>();
    List<Document> docs = BuiltinCorpus.heldout("literature");
    for (int i = 0; i < 16; i++) {
      byte[] text = docs.get(i).text().getBytes(StandardCharsets.UTF_8);
      byte[] bytes = Arrays.copyOf(text, Math.min(text.length, i % 2 == 0 ? 24 : 48));
      sequences.add(new ScoredSequence(bytes, bytes.length - 6));
    }
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void theParameterLayoutCoversTheWholeModel() {
    assertThat(gradients.parameterCount()).isEqualTo(TINY.totalParams());
    ParameterSlice last = gradients.layout().get(gradients.layout().size() - 1);
    assertThat(last.offset() + last.size()).isEqualTo(gradients.parameterCount());
  }

  /** The margins recomputed in double from the network's own forward over each window. */
  @Test
  void marginsAreTheMeanAnswerByteLogOdds() {
    float[] margins = gradients.loop(sequences).margins();
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      ParameterStore store = new ParameterStore(manager, false);
      for (int s = 0; s < sequences.size(); s++) {
        byte[] bytes = sequences.get(s).bytes();
        int start = Math.max(0, bytes.length - 1 - TINY.context());
        int time = bytes.length - 1 - start;
        long[] in = new long[time];
        for (int i = 0; i < time; i++) {
          in[i] = bytes[start + i] & 0xFF;
        }
        float[] logits =
            model
                .network()
                .forward(store, new NDList(manager.create(in, new Shape(1, time))), false)
                .singletonOrThrow()
                .toFloatArray();
        double sum = 0;
        int scored = 0;
        for (int t = sequences.get(s).scoreFrom(); t < bytes.length; t++) {
          int row = (t - 1 - start) * 256;
          int target = bytes[t] & 0xFF;
          double others = 0;
          for (int j = 0; j < 256; j++) {
            others += j == target ? 0 : Math.exp(logits[row + j]);
          }
          sum += logits[row + target] - Math.log(others);
          scored++;
        }
        assertThat(scored).isEqualTo(6);
        assertThat((double) margins[s]).as("sequence %d", s).isCloseTo(sum / 6, within(1e-4));
      }
    }
  }

  /**
   * A central difference along the unit gradient direction u = g / |g|: (f(theta + h u) - f(theta -
   * h u)) / 2h = |g| + O(h^2). Float rounding of f (~1e-6 |f|) adds ~1e-4 at h = 1e-2.
   */
  @Test
  void theGradientMatchesACentralDifference() {
    for (int s = 0; s < 3; s++) {
      List<ScoredSequence> one = List.of(sequences.get(s));
      float[] g = gradients.loop(one).gradients();
      double norm = TinyLm.norm(g);
      double slope =
          TinyLm.centralDifference(
              model, gradients.layout(), g, 1e-2f, () -> gradients.loop(one).margins()[0]);
      log.info("sequence {}: |g| = {}, central difference {}", s, norm, slope);
      assertThat(slope).isCloseTo(norm, within(1e-3 * norm));
    }
  }

  @Test
  void featuresAreTheProjectedGradientsAndTheModelsManagerStaysConstant() {
    int managed = model.model().getNDManager().getManagedArrays().size();
    BlockProjection projection = new BlockProjection(gradients.parameterCount(), 128, 4);
    float[] features = new Featurizer(projection, 5).featurize(gradients.over(sequences));
    float[] expected = projection.project(gradients.loop(sequences).gradients(), sequences.size());
    assertThat(model.model().getNDManager().getManagedArrays()).hasSize(managed);
    for (int t = 0; t < expected.length; t++) {
      assertThat(features[t]).isCloseTo(expected[t], within(1e-4f * (1 + Math.abs(expected[t]))));
    }
  }

  @Test
  void refusesAnAnswerLongerThanTheContext() {
    byte[] bytes = new byte[50];
    Arrays.fill(bytes, (byte) 'a');
    assertThatThrownBy(() -> gradients.loop(List.of(new ScoredSequence(bytes, 10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("40 bytes");
  }
}
