package io.s2l.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedDocumentTest {

  private static final String SERVED =
      "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1.0\"},"
          + "\"paths\":{\"/b\":{},\"/a\":{\"get\":{\"tags\":[\"x\",\"y\"]}}}}";

  @TempDir Path dir;

  @Test
  void theSameDocumentInAnotherKeyOrderAndAnotherBuildVersionMatches() throws Exception {
    Path committed = dir.resolve("doc.json");
    Files.writeString(
        committed,
        "{\"paths\":{\"/a\":{\"get\":{\"tags\":[\"x\",\"y\"]}},\"/b\":{}},"
            + "\"info\":{\"version\":\"0.9\",\"title\":\"t\"},\"openapi\":\"3.1.0\"}");

    assertThat(CommittedDocument.check(SERVED, committed, dir.resolve("served.json"))).isEmpty();
    assertThat(dir.resolve("served.json")).doesNotExist();
  }

  @Test
  void anyOtherDifferenceFailsWritesTheServedCopyAndSaysHowToRefresh() throws Exception {
    Path committed = dir.resolve("doc.json");
    Files.writeString(committed, SERVED.replace("[\"x\",\"y\"]", "[\"y\",\"x\"]"));
    Path served = dir.resolve("target/served.json");

    assertThat(CommittedDocument.check(SERVED, committed, served))
        .hasValueSatisfying(m -> assertThat(m).contains("-Ds2l.openapi.write=true"));
    assertThat(Files.readString(served))
        .startsWith("{\n  \"info\"")
        .contains("\"paths\"")
        .endsWith("}\n");
  }

  @Test
  void aMissingCommittedFileFails() {
    assertThat(
            CommittedDocument.check(SERVED, dir.resolve("absent.json"), dir.resolve("served.json")))
        .isPresent();
  }

  @Test
  void keysAreWrittenInAlphabeticalOrderAndArraysKeepTheirs() throws Exception {
    String written =
        CommittedDocument.sorted(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SERVED))
            .toString();
    assertThat(written)
        .isEqualTo(
            "{\"info\":{\"title\":\"t\",\"version\":\"1.0\"},\"openapi\":\"3.1.0\","
                + "\"paths\":{\"/a\":{\"get\":{\"tags\":[\"x\",\"y\"]}},\"/b\":{}}}");
  }
}
