package io.s2l.lm.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.EvalExample;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored log-likelihoods of answers and choices against what the scorer's per-example losses
 * imply (loss * tokens = -logprob), on a real model.
 */
class ContinuationScoresIT {

  @Test
  void logprobsAreMinusTheMeanLossTimesTheScoredTokens() {
    EvaluationMarginsIT.withScorer(5, ContinuationScoresIT::check);
  }

  private static void check(SequenceScorer scorer) {
    List<EvalExample> quiz = BuiltinEvalSets.load("quiz").subList(0, 6);
    EvalResult answers = Evaluations.answers(scorer, quiz);
    ContinuationScores a = answers.scores();
    assertThat(a.choices()).containsOnly(1);
    assertThat(a.labels()).containsOnly(0);
    for (int i = 0; i < quiz.size(); i++) {
      int bytes = quiz.get(i).answer().getBytes(StandardCharsets.UTF_8).length;
      assertThat(a.bytes()[i]).isEqualTo(bytes);
      assertThat(a.tokens()[i]).isEqualTo(bytes);
      assertThat(a.logprobs()[i])
          .isCloseTo(-answers.losses()[i] * bytes, within(1e-5 * (1 + Math.abs(a.logprobs()[i]))));
    }

    List<EvalExample> grammar = BuiltinEvalSets.load("grammar").subList(0, 8);
    EvalResult choices = Evaluations.choices(scorer, grammar, 0.5);
    ContinuationScores c = choices.scores();
    // Independently: every choice scored as an answer after its prompt.
    float[] means =
        Evaluations.answers(scorer, EvaluationMarginsIT.choicesAsAnswers(grammar)).losses();
    int at = 0;
    for (int i = 0; i < grammar.size(); i++) {
      EvalExample e = grammar.get(i);
      assertThat(c.choices()[i]).isEqualTo(e.choices().size());
      assertThat(c.labels()[i]).isEqualTo(e.label());
      double best = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < e.choices().size(); k++) {
        int bytes = e.choices().get(k).getBytes(StandardCharsets.UTF_8).length;
        double expected = -means[at + k] * bytes;
        assertThat(c.tokens()[at + k]).isEqualTo(bytes);
        assertThat(c.logprobs()[at + k])
            .isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
        best = k == e.label() ? best : Math.max(best, c.logprobs()[at + k]);
      }
      double correct = c.logprobs()[at + e.label()];
      assertThat(choices.losses()[i])
          .isCloseTo((float) (-correct / c.tokens()[at + e.label()]), within(1e-5f));
      assertThat(choices.correct()[i]).isEqualTo(correct > best);
      at += e.choices().size();
    }
    assertThat(at).isEqualTo(c.logprobs().length);
  }
}
