package io.s2l.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.corpus.EvalExample;
import io.s2l.lm.eval.ScoredSequence;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LmExampleTest {

  @Test
  void aDocumentKeepsItsFirstMaxBytesAndScoresEveryByteAfterTheFirst() {
    LmExample doc = LmExample.document("héllo world", 5);
    assertThat(doc.output()).isEqualTo(LmOutput.MEAN_LOSS);
    ScoredSequence s = doc.sequences().get(0);
    // é is two bytes: the cut falls on bytes, as in evaluation
    assertThat(s.bytes()).containsExactly("héll".getBytes(StandardCharsets.UTF_8));
    assertThat(s.scoreFrom()).isEqualTo(1);
    assertThat(LmExample.document("ab", 256).sequences().get(0).bytes()).hasSize(2);
  }

  @Test
  void documentsOutsideTheBoundsAreRefused() {
    assertThatThrownBy(() -> LmExample.document("a", 256)).hasMessageContaining("at least 2 bytes");
    assertThatThrownBy(() -> LmExample.document("abc", 1)).hasMessageContaining("maxBytes");
    assertThatThrownBy(() -> LmExample.document("abc", LmExample.MAX_SEQUENCE_BYTES + 1))
        .hasMessageContaining("maxBytes");
    byte[] huge = new byte[LmExample.MAX_SEQUENCE_BYTES + 1];
    assertThatThrownBy(() -> LmExample.byteMargin(new ScoredSequence(huge, 1)))
        .hasMessageContaining("exceeds the limit of 16384");
  }

  @Test
  void answersAndChoicesFollowThePromptAndAnEmptyPromptIsANewline() {
    LmExample answer = LmExample.of(new EvalExample("q1", "Q: 2+2?\nA:", " 4", null, null));
    assertThat(answer.output()).isEqualTo(LmOutput.MEAN_LOSS);
    ScoredSequence s = answer.sequences().get(0);
    assertThat(new String(s.bytes(), StandardCharsets.UTF_8)).isEqualTo("Q: 2+2?\nA: 4");
    assertThat(s.scoredBytes()).isEqualTo(2);

    LmExample choice =
        LmExample.of(new EvalExample("g1", "", null, List.of("He go.", "He goes."), 1));
    assertThat(choice.output()).isEqualTo(LmOutput.CHOICE_MARGIN);
    assertThat(choice.label()).isEqualTo(1);
    assertThat(choice.sequences()).hasSize(2);
    assertThat(new String(choice.sequences().get(1).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("\nHe goes.");
    assertThat(choice.sequences().get(1).scoreFrom()).isEqualTo(1);
  }

  @Test
  void malformedTargetsAreRefused() {
    assertThatThrownBy(() -> LmExample.choice("p", List.of("a"), 0))
        .hasMessageContaining("2 to 64 choices");
    assertThatThrownBy(() -> LmExample.choice("p", List.of("a", "b"), 2))
        .hasMessageContaining("label 2 is outside [0, 2)");
    assertThatThrownBy(() -> LmExample.answer("p", "")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> LmExample.of(new EvalExample("x", "p", null, null, null)))
        .hasMessageContaining("no answer or choices");
    assertThatThrownBy(() -> LmExample.of(new EvalExample("x", "p", null, List.of("a", "b"), null)))
        .hasMessageContaining("no label");
    ScoredSequence s = new ScoredSequence(new byte[] {1, 2, 3}, 1);
    assertThatThrownBy(() -> new LmExample(LmOutput.MEAN_LOSS, List.of(s, s), 0))
        .hasMessageContaining("takes one sequence");
  }

  /** The layout of io.s2l.lm.eval.SequenceScorer: backwards from the end, context predictions. */
  @Test
  void windowsAreLaidOutBackwardsFromTheEnd() {
    ScoredSequence doc = new ScoredSequence(new byte[256], 1);
    assertThat(LmWindows.of(doc, 64))
        .containsExactly(
            new LmWindows.Window(191, 256, 192),
            new LmWindows.Window(127, 192, 128),
            new LmWindows.Window(63, 128, 64),
            new LmWindows.Window(0, 64, 1));
    // an answer of 6 bytes after a 40-byte prompt: one window, the prompt cut to fit
    ScoredSequence answer = new ScoredSequence(new byte[46], 40);
    assertThat(LmWindows.of(answer, 32)).containsExactly(new LmWindows.Window(13, 46, 40));
    // a short sequence: one window of fewer predictions than the context
    assertThat(LmWindows.of(new ScoredSequence(new byte[10], 3), 32))
        .containsExactly(new LmWindows.Window(0, 10, 3));
  }
}
