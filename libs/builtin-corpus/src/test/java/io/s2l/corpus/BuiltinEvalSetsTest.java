package io.s2l.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltinEvalSetsTest {

  @Test
  void manifestListsTheThreeSets() {
    EvalSetManifest manifest = BuiltinEvalSets.manifest();
    assertThat(manifest.version()).isEqualTo(1);
    assertThat(BuiltinEvalSets.names()).containsExactly("cloze", "quiz", "grammar");
    assertThat(BuiltinEvalSets.entry("grammar").chance()).isEqualTo(0.5);
    assertThat(BuiltinEvalSets.entry("cloze").chance()).isNull();
    for (EvalSetManifest.Entry e : manifest.evalSets()) {
      assertThat(e.kind()).isIn(EvalSetManifest.ANSWER, EvalSetManifest.CHOICE);
      assertThat(e.source()).isNotBlank();
      assertThat(e.licence()).isNotBlank();
      assertThat(e.description()).isNotBlank();
    }
  }

  @Test
  void everySetLoadsWithItsStatedCountAndWellFormedExamples() {
    for (EvalSetManifest.Entry entry : BuiltinEvalSets.manifest().evalSets()) {
      List<EvalExample> examples = BuiltinEvalSets.load(entry.name());
      assertThat(examples).as(entry.name()).hasSize(entry.examples());
      assertThat(examples.stream().map(EvalExample::id).distinct().count())
          .as(entry.name() + " ids unique")
          .isEqualTo(examples.size());
      for (EvalExample e : examples) {
        assertThat(e.prompt()).as(e.id()).isNotNull();
        if (entry.kind().equals(EvalSetManifest.ANSWER)) {
          assertThat(e.prompt()).as(e.id()).isNotEmpty();
          assertThat(e.answer()).as(e.id()).isNotBlank();
          assertThat(e.choices()).as(e.id()).isNull();
          assertThat(e.label()).as(e.id()).isNull();
        } else {
          assertThat(e.answer()).as(e.id()).isNull();
          assertThat(e.choices()).as(e.id()).hasSizeGreaterThanOrEqualTo(2);
          assertThat(new HashSet<>(e.choices())).as(e.id()).hasSameSizeAs(e.choices());
          assertThat(e.choices()).as(e.id()).allSatisfy(c -> assertThat(c).isNotBlank());
          assertThat(e.label()).as(e.id()).isBetween(0, e.choices().size() - 1);
          assertThat(entry.chance()).isEqualTo(1.0 / e.choices().size());
        }
      }
    }
  }

  @Test
  void clozePromptsArePrefixesOfHeldOutDocumentsFollowedByTheAnswer() {
    Map<String, Document> heldout = new HashMap<>();
    for (String domain : List.of("literature", "speeches", "encyclopedia")) {
      heldout.putAll(
          BuiltinCorpus.heldout(domain).stream()
              .collect(Collectors.toMap(Document::id, Function.identity())));
    }
    for (EvalExample e : BuiltinEvalSets.load("cloze")) {
      assertThat(e.answer()).as(e.id()).startsWith(" ").matches(" [A-Za-z]{3,}");
      String documentId = e.id().substring("cloze-".length(), e.id().lastIndexOf('-'));
      Document doc = heldout.get(documentId);
      assertThat(doc).as(e.id()).isNotNull();
      assertThat(doc.text()).as(e.id()).startsWith(e.prompt()).startsWith(e.prompt() + e.answer());
      assertThat(e.prompt().getBytes(StandardCharsets.UTF_8).length).as(e.id()).isBetween(150, 230);
    }
  }

  @Test
  void quizAnswersStartWithASpaceAndPromptsAreQuestions() {
    for (EvalExample e : BuiltinEvalSets.load("quiz")) {
      assertThat(e.prompt()).as(e.id()).startsWith("Q: ").endsWith("?\nA:");
      assertThat(e.answer()).as(e.id()).startsWith(" ").doesNotContain("|", "{", "[");
    }
  }

  @Test
  void grammarPairsHaveAnEmptyPromptAndBothLabelsOccur() {
    List<EvalExample> examples = BuiltinEvalSets.load("grammar");
    assertThat(examples).allSatisfy(e -> assertThat(e.prompt()).isEmpty());
    assertThat(examples).allSatisfy(e -> assertThat(e.choices()).hasSize(2));
    long zero = examples.stream().filter(e -> e.label() == 0).count();
    assertThat(zero).isBetween(examples.size() / 4L, 3L * examples.size() / 4);
  }

  @Test
  void unknownNamesAreRejected() {
    assertThatThrownBy(() -> BuiltinEvalSets.load("nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BuiltinEvalSets.entry("heldout/legal"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
