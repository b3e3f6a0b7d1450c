package io.s2l.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.s2l.api.attribution.TargetDocuments;
import io.s2l.attribution.Scores;
import io.s2l.corpus.EvalExample;
import io.s2l.study.AttributionJobSpec;
import io.s2l.study.AttributionSpec;
import io.s2l.study.SelectionSpec;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TextDataTest {

  static final TextData DATA =
      new TextData(
          List.of("d0", "d1", "d2"),
          List.of("the cat sat", "stock   prices\nfell", "x".repeat(300)),
          "mixed",
          List.of(
              new TextSets.TargetText("a0", "Q: where? A: the mat", false),
              new TextSets.TargetText("c1", "The cats sit.", true),
              new TextSets.TargetText("a2", "Q: what? A: prices", false)));

  private static AttributionJobSpec spec(Integer targets, SelectionSpec selection) {
    return new AttributionJobSpec(
        UUID.randomUUID(),
        "builtin",
        "m",
        List.of("m"),
        List.of(),
        new AttributionSpec(1, 4, null, null, null, targets, null, null, "mixed", null, null),
        selection,
        List.of(0L));
  }

  @Test
  void attributionTargetsAreTheFirstOfTheSetAndSelectionSplitsAllOfThem() {
    assertThat(DATA.task(spec(2, null)).testIndices()).containsExactly(0, 1);
    TargetTask selection = DATA.task(spec(2, new SelectionSpec(1, null, 1, null)));
    assertThat(selection.testIndices()).containsExactly(0, 1, 2);
    assertThat(selection.selectionRows()).containsExactly(0, 2);
    assertThat(selection.holdoutRows()).containsExactly(1);
    assertThat(DATA.evalSet()).isEqualTo("mixed");
    assertThat(DATA.poolSize()).isEqualTo(3);
  }

  @Test
  void predictedLossTreatsChoiceTargetsWithTheSoftplus() {
    Scores scores = new Scores(3, 3, new float[] {0.1f, 0.2f, 0.3f, 1f, -1f, 0.5f, 0f, 0f, 0f});
    TargetTask task = DATA.task(spec(null, null));
    boolean[] subset = {true, false, true};
    double[] pool = {-1.5, 0.25, -2.0};
    // row 0 (answer): o' = -1.5 - 0.2 = -1.7 -> 1.7; row 1 (choice): o' = 0.25 + 1 = 1.25
    assertThat(DATA.predictedLoss(scores, task, new int[] {0, 1}, pool, subset))
        .isCloseTo((1.7 + Math.log1p(Math.exp(-1.25))) / 2, within(1e-6));
  }

  @Test
  void documentsAreRankedExcerpts() {
    Scores scores = new Scores(1, 3, new float[] {0.5f, -0.25f, 2f});
    TargetDocuments d = DATA.documents("m", scores, 0, 1, 3);
    assertThat(d.targetId()).isEqualTo("c1");
    assertThat(d.targetExcerpt()).isEqualTo("The cats sit.");
    assertThat(d.helpful()).extracting(e -> e.id()).containsExactly("d2", "d0");
    assertThat(d.helpful().get(0).excerpt()).hasSize(200).endsWith("...");
    assertThat(d.harmful())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.excerpt()).isEqualTo("stock prices fell");
              assertThat(e.score()).isEqualTo(-0.25f);
            });
  }

  @Test
  void anEvaluationExampleReadsAsPromptAndAnswerOrCorrectChoice() {
    assertThat(TextSets.text(new EvalExample("q", "Q: 2+2?\nA:", " 4", null, null)))
        .isEqualTo("Q: 2+2?\nA: 4");
    assertThat(TextSets.text(new EvalExample("g", "", null, List.of("He go.", "He goes."), 1)))
        .isEqualTo("He goes.");
  }

  @Test
  void theSimilarityBaselineTakesTheDocumentsClosestToTheChoosingTargets() {
    assertThat(DATA.similar(new int[] {0}, 1)).containsExactly(0);
  }
}
