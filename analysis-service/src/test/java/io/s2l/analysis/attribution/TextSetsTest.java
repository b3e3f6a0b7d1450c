package io.s2l.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.analysis.config.AnalysisProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A text study on uploaded data reads its pool and targets from the files the experiment service
 * stored: the corpus {@code datasets/<id>.jsonl} (every tenth document of a domain held out) and an
 * evaluation set {@code upload/<id>}.
 */
class TextSetsTest {

  private static final String CORPUS = "0f8fad5b-d9cb-469f-a165-70867728950e";
  private static final String TASK = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

  @TempDir Path artifacts;

  @Test
  void readsAnUploadedCorpusAndAnUploadedChoiceSet() throws IOException {
    Path datasets = Files.createDirectories(artifacts.resolve("datasets"));
    List<String> corpus = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      corpus.add(
          "{\"id\":\"notes-%d\",\"domain\":\"notes\",\"text\":\"note number %d\"}".formatted(i, i));
    }
    Files.write(datasets.resolve(CORPUS + ".jsonl"), corpus);
    Files.write(
        datasets.resolve(TASK + ".jsonl"),
        List.of(
            "{\"id\":\"q1\",\"prompt\":\"Pick:\",\"choices\":[\" a\",\" b\"],\"label\":1}",
            "{\"id\":\"q2\",\"prompt\":\"Pick:\",\"choices\":[\" c\",\" d\",\" e\"],\"label\":0}"));
    TextSets sets =
        new TextSets(
            new AnalysisProperties(
                DataSize.ofMegabytes(1), 64, 4096, 64, 256, 1_000_000, artifacts));

    assertThat(sets.documents(CORPUS, List.of("notes-3", "notes-1")))
        .containsExactly("note number 3", "note number 1");
    // the 10th and 20th documents are held out, not in the pool
    assertThatThrownBy(() -> sets.documents(CORPUS, List.of("notes-10")))
        .hasMessageContaining("no training document notes-10");
    assertThat(sets.targets(CORPUS, "heldout/notes"))
        .containsExactly(
            new TextSets.TargetText("notes-10", "note number 10", false),
            new TextSets.TargetText("notes-20", "note number 20", false));
    assertThat(sets.targets(CORPUS, "upload/" + TASK))
        .containsExactly(
            new TextSets.TargetText("q1", "Pick: b", true),
            new TextSets.TargetText("q2", "Pick: c", true));
  }

  @Test
  void refusesADatasetThatIsNotAStoredUpload() {
    TextSets sets =
        new TextSets(
            new AnalysisProperties(
                DataSize.ofMegabytes(1), 64, 4096, 64, 256, 1_000_000, artifacts));
    assertThatThrownBy(() -> sets.documents("../../etc/passwd", List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown dataset");
    assertThatThrownBy(() -> sets.documents(CORPUS, List.of("x")))
        .hasMessageContaining("is not in the artifact store");
  }
}
