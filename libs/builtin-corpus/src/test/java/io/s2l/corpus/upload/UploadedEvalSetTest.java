package io.s2l.corpus.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadedEvalSetTest {

  @Test
  void chanceIsTheMeanOverExamplesOfOneOverTheirChoices(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("set.jsonl");
    Files.writeString(
        file,
        "{\"id\": \"a\", \"prompt\": \"p\", \"choices\": [\"x\", \"y\"], \"label\": 0}\n"
            + "{\"id\": \"b\", \"prompt\": \"p\", \"choices\": [\"x\", \"y\", \"z\", \"w\"],"
            + " \"label\": 3}\n"
            + "{\"id\": \"c\", \"prompt\": \"p\", \"choices\": [\"x\", \"y\", \"z\", \"w\", \"v\","
            + " \"u\", \"t\", \"s\"], \"label\": 1}\n",
        StandardCharsets.UTF_8);
    // (1/2 + 1/4 + 1/8) / 3 = 0.875 / 3; the first example alone would say 1/2.
    assertThat(UploadedEvalSet.read(file).chance()).isEqualTo(0.875 / 3);
  }

  @Test
  void aSetWithAnswersHasNoChance(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("set.jsonl");
    Files.writeString(
        file, "{\"id\": \"a\", \"prompt\": \"2+2=\", \"answer\": \"4\"}\n", StandardCharsets.UTF_8);
    assertThat(UploadedEvalSet.read(file).chance()).isNull();
  }
}
