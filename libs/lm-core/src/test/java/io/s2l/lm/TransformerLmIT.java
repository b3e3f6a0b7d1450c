package io.s2l.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.Document;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.eval.Evaluations;
import io.s2l.lm.eval.SequenceScorer;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.LmEngine;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The language model on a real PyTorch engine. */
class TransformerLmIT {

  static final ModelScale TINY = new ModelScale("tiny", 32, 2, 4, 32);
  static Map<String, DomainText> texts;
  static List<String> heldout;

  @BeforeAll
  static void engine() {
    if (texts != null) {
      return;
    }
    LmEngine.start(1);
    texts =
        Map.of(
            "literature", DomainText.of("literature", BuiltinCorpus.train("literature")),
            "code", DomainText.of("code", BuiltinCorpus.train("code")));
    heldout = BuiltinCorpus.heldout("literature").stream().limit(32).map(Document::text).toList();
  }

  static TrainingJobSpec job(long seed, double tokensPerParam) {
    return new TrainingJobSpec(
        "builtin",
        TINY,
        new MixtureSpec("mix", Map.of("literature", 0.7, "code", 0.3)),
        seed,
        tokensPerParam,
        List.of("heldout/literature"),
        new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0));
  }

  static float[] trainAndEvaluate(TrainingJobSpec job) {
    try (TrainedModel model = LmTrainer.train(job, texts, (s, t, l) -> {});
        NDManager m = model.model().getNDManager().newSubManager()) {
      return Evaluations.text(new SequenceScorer(model.network(), m, 16), heldout).losses();
    }
  }

  @Test
  void theSameSeedGivesTheSameLossesBitForBit() {
    float[] first = trainAndEvaluate(job(7, 2));
    float[] second = trainAndEvaluate(job(7, 2));
    float[] other = trainAndEvaluate(job(8, 2));
    assertThat(second).containsExactly(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void lossFallsOnRealText() {
    float[] barelyTrained = trainAndEvaluate(job(1, 0.05));
    float[] trained = trainAndEvaluate(job(1, 10));
    double before = mean(barelyTrained);
    double after = mean(trained);
    // Uniform over 256 bytes is ln 256 = 5.545 nats; a trained byte model is far below it.
    assertThat(before).isGreaterThan(4.0);
    assertThat(after).isLessThan(3.2).isLessThan(before - 1.0);
  }

  @Test
  void aPositionNeverSeesTheTokensAfterIt() {
    try (Model model = Model.newInstance("causal");
        NDManager m = model.getNDManager().newSubManager()) {
      TransformerLm network = new TransformerLm(TINY);
      network.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
      network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 32));
      long[] a = new long[32];
      long[] b = new long[32];
      for (int i = 0; i < 32; i++) {
        a[i] = b[i] = (i * 37) % 256;
      }
      b[20] = 255 - a[20];
      ParameterStore store = new ParameterStore(m, false);
      NDArray la = network.forward(store, new NDList(m.create(a, new Shape(1, 32))), false).head();
      NDArray lb = network.forward(store, new NDList(m.create(b, new Shape(1, 32))), false).head();
      assertThat(la.get(":, 0:20").toFloatArray())
          .containsExactly(lb.get(":, 0:20").toFloatArray());
      assertThat(la.get(":, 20:").toFloatArray()).isNotEqualTo(lb.get(":, 20:").toFloatArray());
    }
  }

  @Test
  void parameterCountsMatchTheScaleAccounting() {
    try (Model model = Model.newInstance("count")) {
      TransformerLm network = new TransformerLm(TINY);
      network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 32));
      long total = 0;
      for (Pair<String, Parameter> p : network.getParameters()) {
        total += p.getValue().getArray().size();
      }
      assertThat(total).isEqualTo(TINY.totalParams());
      // 2 blocks x (12 d^2 + 13 d) + 2 d, d = 32
      assertThat(TINY.nonEmbeddingParams()).isEqualTo(2 * (12 * 32 * 32 + 13 * 32) + 2 * 32);
    }
  }

  @Test
  void aSubsetDistributionTrainsOnItsDocumentsOnly() {
    Map<String, DomainText> literature =
        Map.of(
            LmTrainer.SUBSET,
            DomainText.of(LmTrainer.SUBSET, BuiltinCorpus.train("literature").subList(0, 40)));
    Map<String, DomainText> code =
        Map.of(
            LmTrainer.SUBSET,
            DomainText.of(LmTrainer.SUBSET, BuiltinCorpus.train("code").subList(0, 40)));
    TrainingJobSpec subset =
        new TrainingJobSpec(
            "builtin",
            TINY,
            new MixtureSpec("pool", null, List.of("ids are resolved by the caller")),
            3,
            8.0,
            List.of("heldout/literature"),
            new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0));
    double onLiterature = mean(evaluate(subset, literature));
    double onCode = mean(evaluate(subset, code));
    assertThat(onLiterature).isLessThan(onCode - 0.2);
  }

  private static float[] evaluate(TrainingJobSpec job, Map<String, DomainText> training) {
    try (TrainedModel model = LmTrainer.train(job, training, (s, t, l) -> {});
        NDManager m = model.model().getNDManager().newSubManager()) {
      return Evaluations.text(new SequenceScorer(model.network(), m, 16), heldout).losses();
    }
  }

  @Test
  void aLossMaskCountsOnlyTheScoredBytes() {
    try (TrainedModel model = LmTrainer.train(job(2, 1), texts, (st, t, l) -> {});
        NDManager m = model.model().getNDManager().newSubManager()) {
      SequenceScorer scorer = new SequenceScorer(model.network(), m, 8);
      byte[] text =
          "Q: Capital of France?\nA: Paris".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int answerStart = text.length - " Paris".length();
      double[] sums =
          scorer.sumLosses(
              List.of(
                  new io.s2l.lm.eval.ScoredSequence(text, 1),
                  new io.s2l.lm.eval.ScoredSequence(text, answerStart),
                  new io.s2l.lm.eval.ScoredSequence(
                      java.util.Arrays.copyOf(text, answerStart), 1)));
      // The sequence fits one window, so by causality the prompt's predictions are the same alone
      // and followed by the answer: whole = answer-only + prompt-only.
      assertThat(sums[0]).isCloseTo(sums[1] + sums[2], org.assertj.core.data.Offset.offset(1e-4));
      assertThat(sums[1]).isPositive().isLessThan(sums[0]);
    }
  }

  private static double mean(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
