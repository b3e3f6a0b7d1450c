package io.s2l.experiment.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000); a definition carrying one is
 * refused up front, naming the field, instead of failing at the insert.
 */
final class NulCharacters {

  private NulCharacters() {}

  /** The path of the first field name or text value holding U+0000, if any. */
  static Optional<String> firstPath(JsonNode node) {
    return find(node, "");
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.asText().indexOf('\0') >= 0 ? Optional.of(orRoot(path)) : Optional.empty();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (e.getKey().indexOf('\0') >= 0) {
          return Optional.of(orRoot(path));
        }
        Optional<String> found = find(e.getValue(), at);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = find(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String orRoot(String path) {
    return path.isEmpty() ? "$" : path;
  }
}
