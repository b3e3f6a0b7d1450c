package io.s2l.worker.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalDouble;

/**
 * The trainer's progress from the end of its pod's log (pure). A pod has one log for stdout and
 * stderr, so the progress lines of docs/trainer-contract.md section 3 ({@code {"step": 120,
 * "steps": 1000, "loss": 3.9}}) are picked out from among the other lines: the last one that is
 * such an object counts.
 */
final class ProgressLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgressLines() {}

  /** {@code step / steps} of the last progress line of {@code log}, in [0, 1]; empty if none. */
  static OptionalDouble latest(String log) {
    if (log == null) {
      return OptionalDouble.empty();
    }
    String[] lines = log.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (Exception e) {
        continue; // a log line that merely starts with a brace
      }
      JsonNode step = node.get("step");
      JsonNode steps = node.get("steps");
      if (step == null || !step.isNumber() || node.get("loss") == null) {
        continue;
      }
      if (steps == null || !steps.isNumber() || steps.asDouble() <= 0) {
        return OptionalDouble.empty(); // the newest progress line gives no total
      }
      return OptionalDouble.of(Math.max(0, Math.min(1, step.asDouble() / steps.asDouble())));
    }
    return OptionalDouble.empty();
  }
}
