package io.s2l.lm.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.LmEngine;
import io.s2l.study.ModelScale;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The attribution output o that evaluation reports per example, against an independent computation
 * from the per-example losses of the same model.
 */
class EvaluationMarginsIT {

  /** Runs the check with a scorer over a small, randomly initialised model (seeded). */
  static void withScorer(long seed, Consumer<SequenceScorer> check) {
    LmEngine.start(1);
    ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) seed);
    TransformerLm network = new TransformerLm(new ModelScale("tiny", 32, 2, 4, 32));
    try (Model model = Model.newInstance("margins")) {
      model.setBlock(network);
      network.setInitializer(new NormalInitializer(0.5f), ai.djl.nn.Parameter.Type.WEIGHT);
      network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 32));
      try (NDManager m = model.getNDManager().newSubManager()) {
        check.accept(new SequenceScorer(network, m, 8));
      }
    }
  }

  /** Every choice of every example as an answer after its prompt, example-major. */
  static List<EvalExample> choicesAsAnswers(List<EvalExample> examples) {
    List<EvalExample> asAnswers = new ArrayList<>();
    for (EvalExample e : examples) {
      for (String choice : e.choices()) {
        asAnswers.add(new EvalExample(e.id(), e.prompt(), choice, null, null));
      }
    }
    return asAnswers;
  }

  @Test
  void marginsAreMinusTheMeanLossOrTheChoiceLogOdds() {
    withScorer(3, EvaluationMarginsIT::marginsAreMinusTheMeanLossOrTheChoiceLogOdds);
  }

  private static void marginsAreMinusTheMeanLossOrTheChoiceLogOdds(SequenceScorer scorer) {

    List<String> texts =
        BuiltinCorpus.heldout("literature").stream().limit(6).map(Document::text).toList();
    EvalResult text = Evaluations.text(scorer, texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(text.margins()[i]).isEqualTo(-text.losses()[i]);
    }

    List<EvalExample> quiz = BuiltinEvalSets.load("quiz").subList(0, 6);
    EvalResult answers = Evaluations.answers(scorer, quiz);
    for (int i = 0; i < quiz.size(); i++) {
      assertThat(answers.margins()[i]).isEqualTo(-answers.losses()[i]);
    }

    List<EvalExample> grammar = BuiltinEvalSets.load("grammar").subList(0, 8);
    EvalResult choices = Evaluations.choices(scorer, grammar, 0.5);
    // Independently: each choice as an answer after the prompt; its summed log-likelihood is
    // minus its mean loss times its bytes; o = s_y - log sum_{c != y} e^{s_c}, unshifted.
    float[] means = Evaluations.answers(scorer, choicesAsAnswers(grammar)).losses();
    int at = 0;
    for (int i = 0; i < grammar.size(); i++) {
      EvalExample e = grammar.get(i);
      double[] s = new double[e.choices().size()];
      for (int c = 0; c < s.length; c++) {
        s[c] = -means[at + c] * e.choices().get(c).getBytes(StandardCharsets.UTF_8).length;
      }
      double others = 0;
      for (int c = 0; c < s.length; c++) {
        others += c == e.label() ? 0 : Math.exp(s[c]);
      }
      double o = s[e.label()] - Math.log(others);
      assertThat((double) choices.margins()[i]).isCloseTo(o, within(1e-3 * (1 + Math.abs(o))));
      if (choices.margins()[i] > 0) { // s_y above the log-sum-exp of the others: the best
        assertThat(choices.correct()[i]).isTrue();
      }
      at += s.length;
    }
  }
}
