package io.s2l.trainer.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a trainer's standard output one line at a time (docs/trainer-contract.md section 3). It
 * keeps the line count and the last step, so one parser serves one run: every line must be a JSON
 * object with a whole, non-negative, non-decreasing {@code step} and a finite {@code loss}; {@code
 * steps} and {@code tokens}, when present, are whole and non-negative. Anything else is a {@link
 * ContractViolation} naming the line number and quoting the line's start.
 */
public final class ProgressParser {

  /** How much of a refused line its reason quotes. */
  static final int QUOTED = 80;

  /** NaN and Infinity are read (Python writes them) so that a diverged loss is named as such. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private long lines;
  private long lastStep = -1;

  /** Parses the next line. */
  public ProgressLine parse(String line) throws ContractViolation {
    lines++;
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw refused("is not a progress object", line);
    }
    long step = whole(node, "step", line);
    JsonNode loss = node.get("loss");
    if (loss == null || !loss.isNumber()) {
      throw refused("has no numeric 'loss'", line);
    }
    if (!Double.isFinite(loss.doubleValue())) {
      throw refused("has a loss that is not finite (" + loss.asText() + ")", line);
    }
    if (step < lastStep) {
      throw refused("goes back to step " + step + " after step " + lastStep, line);
    }
    lastStep = step;
    Long steps = node.hasNonNull("steps") ? whole(node, "steps", line) : null;
    Long tokens = node.hasNonNull("tokens") ? whole(node, "tokens", line) : null;
    return new ProgressLine(step, steps, tokens, loss.doubleValue());
  }

  /** Lines parsed so far. */
  public long lines() {
    return lines;
  }

  private long whole(JsonNode node, String field, String line) throws ContractViolation {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw refused("has no numeric '" + field + "'", line);
    }
    double d = value.doubleValue();
    if (!value.canConvertToLong() || d != Math.rint(d) || d < 0) {
      throw refused("has a '" + field + "' that is not a whole number >= 0", line);
    }
    return value.asLong();
  }

  private ContractViolation refused(String problem, String line) {
    String start = line.length() > QUOTED ? line.substring(0, QUOTED) + "..." : line;
    return new ContractViolation("stdout line " + lines + " " + problem + ": " + start);
  }
}
