package io.s2l.worker.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.corpus.ImageSet;
import io.s2l.worker.config.WorkerProperties;
import io.s2l.worker.training.CorpusCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files trainers read hold the examples in the order the built-in trainer evaluates and stores
 * them, with their own ids, in the contract's line formats; each is written once.
 */
class TrainerDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path artifacts;
  TrainerData data;

  @BeforeEach
  void data() {
    WorkerProperties properties =
        new WorkerProperties(
            1, 64, artifacts, 250, null, artifacts.resolve("local"), null, null, null);
    data = new TrainerData(properties, new CorpusCache(properties));
  }

  @Test
  void heldOutTextIsTheHeldOutDocumentsInOrder() throws Exception {
    EvalFile set = data.evalSet("builtin", "heldout/legal");

    List<Document> docs = BuiltinCorpus.heldout("legal");
    assertThat(set.file())
        .isEqualTo(artifacts.resolve("trainer-data/builtin/eval/heldout-legal.jsonl"));
    assertThat(set.ids()).containsExactlyElementsOf(docs.stream().map(Document::id).toList());
    assertThat(set.kind()).isEqualTo("text");
    assertThat(set.maxTextBytes()).isEqualTo(256);
    assertThat(set.chance()).isNull();
    List<JsonNode> lines = lines(set.file());
    assertThat(lines).hasSize(docs.size());
    assertThat(fields(lines.get(0))).containsExactly("id", "text");
    assertThat(lines.get(3).get("text").asText()).isEqualTo(docs.get(3).text());
  }

  @Test
  void taskSetsKeepTheirExamplesAndChance() throws Exception {
    EvalFile quiz = data.evalSet("builtin", "quiz");
    EvalFile grammar = data.evalSet("builtin", "grammar");

    List<EvalExample> choices = BuiltinEvalSets.load("grammar");
    assertThat(quiz.kind()).isEqualTo("answer");
    assertThat(quiz.ids())
        .containsExactlyElementsOf(
            BuiltinEvalSets.load("quiz").stream().map(EvalExample::id).toList());
    assertThat(fields(lines(quiz.file()).get(0))).containsExactly("id", "prompt", "answer");
    assertThat(grammar.kind()).isEqualTo("choice");
    assertThat(grammar.chance()).isEqualTo(0.5);
    assertThat(grammar.ids())
        .containsExactlyElementsOf(choices.stream().map(EvalExample::id).toList());
    JsonNode first = lines(grammar.file()).get(0);
    assertThat(fields(first)).containsExactly("id", "prompt", "choices", "label");
    assertThat(first.get("label").asInt()).isEqualTo(choices.get(0).label());
  }

  @Test
  void imagesAreTheSetsIntegersInOrder() throws Exception {
    ImageSet digits = BuiltinImages.load("digits");
    int max = BuiltinImages.pixelMax("digits");

    EvalFile test = data.evalSet("digits", "images/digits-test");
    Path train = data.images("digits");

    assertThat(test.kind()).isEqualTo("image");
    assertThat(test.chance()).isEqualTo(0.1);
    assertThat(test.ids()).containsExactlyElementsOf(digits.testIds());
    JsonNode image = lines(test.file()).get(5);
    assertThat(fields(image)).containsExactly("id", "label", "pixels");
    assertThat(image.get("label").asInt()).isEqualTo(digits.testLabels()[5]);
    assertThat(image.get("pixels")).hasSize(64);
    for (int i = 0; i < 64; i++) {
      assertThat(image.get("pixels").get(i).asInt() / (float) max)
          .isEqualTo(digits.testPixels()[5][i]);
    }
    List<JsonNode> pool = lines(train);
    assertThat(pool)
        .extracting(n -> n.get("id").asText())
        .containsExactlyElementsOf(digits.trainIds());
    assertThatThrownBy(() -> data.evalSet("digits", "images/other-test"))
        .hasMessage("unknown evaluation set 'images/other-test' for digits");
  }

  @Test
  void theTrainingPoolHasEveryTrainingDocumentWithItsDomain() throws Exception {
    Path train = data.documents("builtin");

    List<JsonNode> lines = lines(train);
    long expected =
        BuiltinCorpus.manifest().domainNames().stream()
            .mapToLong(d -> BuiltinCorpus.train(d).size())
            .sum();
    assertThat(lines).hasSize((int) expected);
    assertThat(fields(lines.get(0))).containsExactly("id", "domain", "text");
    assertThat(lines.stream().map(n -> n.get("domain").asText()).distinct().toList())
        .containsExactlyElementsOf(BuiltinCorpus.manifest().domainNames());
  }

  @Test
  void eachFileIsWrittenOnceAndCompletely() throws Exception {
    Path train = data.documents("builtin");
    FileTime written = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(train, written);

    assertThat(data.documents("builtin")).isEqualTo(train);

    assertThat(Files.getLastModifiedTime(train)).isEqualTo(written);
    try (Stream<Path> files = Files.list(train.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("train.jsonl");
    }
  }

  @Test
  void refusesADatasetNameThatIsNoDirectoryName() {
    assertThatThrownBy(() -> data.documents("../etc"))
        .hasMessage("dataset '../etc' is not a valid directory name");
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.map(TrainerDataTest::tree).toList();
    }
  }

  private static JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> fields(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
