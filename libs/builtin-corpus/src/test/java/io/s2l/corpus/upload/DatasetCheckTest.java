package io.s2l.corpus.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCheckTest {

  private static DatasetCheck.Summary check(
      String text, DatasetKind kind, ByteArrayOutputStream out) throws Exception {
    return DatasetCheck.check(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), kind, out);
  }

  @Test
  void aCorpusGetsIdsAndCountsPerDomain() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DatasetCheck.Summary s =
        check(
            "{\"domain\": \"news\", \"text\": \"one\"}\n\n"
                + "{\"domain\": \"news\", \"text\": \"two\", \"id\": \"n-2\"}\n"
                + "{\"domain\": \"law\", \"text\": \"three\"}\n",
            DatasetKind.CORPUS,
            out);
    assertThat(s.errors()).isEmpty();
    assertThat(s.records()).isEqualTo(3);
    assertThat(s.domains()).containsEntry("news", 2).containsEntry("law", 1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"id\":\"news-000000\"", "\"id\":\"n-2\"");
  }

  @Test
  void everyBadLineIsNamedWithItsReason() throws Exception {
    DatasetCheck.Summary s =
        check(
            "{\"domain\": \"news\", \"text\": \"fine\"}\n"
                + "not json\n"
                + "{\"domain\": \"bad domain!\", \"text\": \"x\"}\n"
                + "{\"domain\": \"news\", \"text\": \"  \"}\n"
                + "{\"domain\": \"news\", \"text\": \"x\", \"colour\": \"red\"}\n",
            DatasetKind.CORPUS,
            new ByteArrayOutputStream());
    assertThat(s.errors()).extracting(LineError::line).containsExactly(2L, 3L, 4L, 5L);
    assertThat(s.errors().get(1).reason()).startsWith("domain:");
    assertThat(s.errors().get(3).reason()).startsWith("colour: unknown field");
  }

  @Test
  void anEvaluationSetHasOneKindAndValidLabels() throws Exception {
    DatasetCheck.Summary s =
        check(
            "{\"id\": \"a\", \"prompt\": \"2+2=\", \"answer\": \"4\"}\n"
                + "{\"id\": \"b\", \"prompt\": \"\", \"choices\": [\"x\", \"y\"], \"label\": 0}\n"
                + "{\"id\": \"a\", \"prompt\": \"q\", \"answer\": \"r\"}\n",
            DatasetKind.EVALSET,
            new ByteArrayOutputStream());
    assertThat(s.evalKind()).isEqualTo("answer");
    assertThat(s.errors()).extracting(LineError::line).containsExactly(2L, 3L);
    DatasetCheck.Summary choices =
        check(
            "{\"id\": \"b\", \"prompt\": \"\", \"choices\": [\"x\", \"y\"], \"label\": 2}\n",
            DatasetKind.EVALSET,
            new ByteArrayOutputStream());
    assertThat(choices.errors().get(0).reason()).startsWith("label:");
  }

  @Test
  void anUploadedCorpusHoldsOutEveryTenthDocumentOfEachDomain(@TempDir Path dir) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      lines.append("{\"domain\": \"big\", \"text\": \"doc ").append(i).append("\"}\n");
    }
    lines.append("{\"domain\": \"small\", \"text\": \"only\"}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    check(lines.toString(), DatasetKind.CORPUS, out);
    Path file = dir.resolve("c.jsonl");
    Files.write(file, out.toByteArray());

    UploadedCorpus corpus = UploadedCorpus.read(file);
    assertThat(corpus.heldout().get("big"))
        .extracting(d -> d.text())
        .containsExactly("doc 9", "doc 19");
    assertThat(corpus.train().get("big")).hasSize(23);
    assertThat(corpus.heldout()).doesNotContainKey("small");
    assertThat(corpus.train().get("small")).hasSize(1);
  }
}
