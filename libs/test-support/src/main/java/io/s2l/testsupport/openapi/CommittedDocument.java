package io.s2l.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI document a service serves, compared with the copy committed under {@code
 * docs/openapi/}: the copy clients generate code from (the generated-client check does) and
 * reviewers read in a diff. Only {@code info.version} is left out of the comparison, since it is
 * the build's version and changes with every release; everything else must be equal as JSON.
 *
 * <p>With the system property {@value #WRITE} set to {@code true} the served document replaces the
 * committed one instead, written pretty-printed with object keys in alphabetical order so that a
 * change shows as a small diff.
 */
public final class CommittedDocument {

  /** Set to {@code true} to refresh the committed documents from the served ones. */
  public static final String WRITE = "s2l.openapi.write";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CommittedDocument() {}

  /**
   * Compares, or with {@value #WRITE} writes.
   *
   * @param served the document as the service serves it
   * @param committed the committed file, for example {@code ../docs/openapi/analysis-service.json}
   * @param mismatch where the served document is written when it differs, for the diff
   * @return a message saying how they differ and how to refresh, or empty when they are equal
   */
  public static Optional<String> check(String served, Path committed, Path mismatch) {
    try {
      JsonNode document = sorted(JSON.readTree(served));
      if (Boolean.getBoolean(WRITE)) {
        Files.createDirectories(committed.toAbsolutePath().getParent());
        Files.writeString(committed, JSON.writeValueAsString(document) + "\n");
        return Optional.empty();
      }
      JsonNode stored = Files.isRegularFile(committed) ? JSON.readTree(committed.toFile()) : null;
      if (stored != null && withoutVersion(stored).equals(withoutVersion(document))) {
        return Optional.empty();
      }
      Files.createDirectories(mismatch.toAbsolutePath().getParent());
      Files.writeString(mismatch, JSON.writeValueAsString(document) + "\n");
      return Optional.of(
          "the served OpenAPI document differs from "
              + committed.normalize()
              + " (served copy: "
              + mismatch
              + "); if the change is meant, refresh the committed file by running this test with"
              + " -D"
              + WRITE
              + "=true and commit it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode withoutVersion(JsonNode document) {
    JsonNode copy = document.deepCopy();
    if (copy.get("info") instanceof ObjectNode info) {
      info.remove("version");
    }
    return copy;
  }

  /** A copy whose object keys are in alphabetical order; arrays keep their order. */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      names.forEach(name -> copy.set(name, sorted(node.get(name))));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }
}
