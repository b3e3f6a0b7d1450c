package io.s2l.corpus.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an uploaded JSON-lines file once, checking every line and writing its normalised form (ids
 * filled in) to {@code out}; keeps only counters and ids in memory, never the texts, and never more
 * of a line than {@link DatasetLimits#maxLineBytes()}. A corpus is indexed in the same pass.
 */
public final class DatasetCheck {

  static final int MAX_ERRORS = 100;
  static final int MAX_TEXT_BYTES = 1 << 20;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DatasetCheck() {}

  /**
   * What a checked file holds.
   *
   * @param records lines with a record
   * @param domains documents per domain (corpora)
   * @param evalKind {@code answer} or {@code choice} (evaluation sets)
   * @param errors the first errors; the file is refused when there are any
   * @param index what studies need of a corpus (null for evaluation sets)
   */
  public record Summary(
      long records,
      Map<String, Integer> domains,
      String evalKind,
      List<LineError> errors,
      long errorCount,
      CorpusIndex index) {}

  public static Summary check(InputStream in, DatasetKind kind, OutputStream out)
      throws IOException {
    return check(in, kind, out, DatasetLimits.DEFAULTS);
  }

  /**
   * @throws DatasetLimitExceededException at the first line past a limit: reading stops there
   */
  public static Summary check(
      InputStream in, DatasetKind kind, OutputStream out, DatasetLimits limits) throws IOException {
    List<LineError> errors = new ArrayList<>();
    long[] errorCount = {0};
    Map<String, Integer> domains = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    String evalKind = null;
    long records = 0;
    CorpusIndex.Builder index = new CorpusIndex.Builder();
    BoundedLines reader = new BoundedLines(in, limits.maxLineBytes());
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.next()) != null) {
      long number = reader.number();
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        error(errors, errorCount, number, "not a JSON object: " + e.getOriginalMessage());
        continue;
      }
      if (!(node instanceof ObjectNode record)) {
        error(errors, errorCount, number, "not a JSON object");
        continue;
      }
      String problem;
      if (kind == DatasetKind.CORPUS) {
        problem = corpusLine(record, domains, ids, index);
      } else {
        String lineKind = record.has("choices") ? "choice" : "answer";
        if (evalKind == null) {
          evalKind = lineKind;
        }
        problem =
            lineKind.equals(evalKind)
                ? evalLine(record, lineKind, ids)
                : "every line of a set must be of the same kind (" + evalKind + ")";
      }
      if (problem != null) {
        error(errors, errorCount, number, problem);
        continue;
      }
      if (records == limits.maxRecords()) {
        throw new DatasetLimitExceededException(
            DatasetLimitExceededException.Limit.RECORDS, number, limits.maxRecords());
      }
      records++;
      if (errorCount[0] == 0) {
        writer.write(JSON.writeValueAsString(record));
        writer.newLine();
      }
    }
    writer.flush();
    if (records == 0 && errorCount[0] == 0) {
      error(errors, errorCount, 0, "the file has no records");
    }
    return new Summary(
        records,
        domains,
        evalKind,
        errors,
        errorCount[0],
        kind == DatasetKind.CORPUS ? index.build() : null);
  }

  private static String corpusLine(
      ObjectNode record,
      Map<String, Integer> domains,
      Set<String> ids,
      CorpusIndex.Builder corpus) {
    String unknown = unknownField(record, Set.of("domain", "text", "id"));
    if (unknown != null) {
      return unknown;
    }
    String domain = text(record, "domain");
    if (domain == null || !NAME.matcher(domain).matches()) {
      return "domain: required, 1-64 letters, digits, _ or -";
    }
    String text = text(record, "text");
    if (text == null || text.isBlank()) {
      return "text: required and not blank";
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      return "text: at most " + MAX_TEXT_BYTES + " bytes";
    }
    int index = domains.merge(domain, 1, Integer::sum) - 1;
    String id = text(record, "id");
    if (id == null) {
      id = domain + "-" + String.format("%06d", index);
      record.put("id", id);
    }
    if (!ids.add(id)) {
      return "id: '" + id + "' appears twice";
    }
    corpus.add(domain, id);
    return null;
  }

  private static String evalLine(ObjectNode record, String kind, Set<String> ids) {
    String id = text(record, "id");
    if (id == null || id.isBlank()) {
      return "id: required";
    }
    if (!ids.add(id)) {
      return "id: '" + id + "' appears twice";
    }
    if (text(record, "prompt") == null) {
      return "prompt: required (may be empty)";
    }
    if (kind.equals("answer")) {
      String unknown = unknownField(record, Set.of("id", "prompt", "answer"));
      if (unknown != null) {
        return unknown;
      }
      String answer = text(record, "answer");
      return answer == null || answer.isEmpty() ? "answer: required and not empty" : null;
    }
    String unknown = unknownField(record, Set.of("id", "prompt", "choices", "label"));
    if (unknown != null) {
      return unknown;
    }
    JsonNode choices = record.get("choices");
    if (!choices.isArray() || choices.size() < 2 || choices.size() > 16) {
      return "choices: an array of 2 to 16 strings";
    }
    for (JsonNode c : choices) {
      if (!c.isTextual() || c.asText().isEmpty()) {
        return "choices: every choice must be a non-empty string";
      }
    }
    JsonNode label = record.get("label");
    if (label == null
        || !label.canConvertToInt()
        || !label.isIntegralNumber()
        || label.asInt() < 0
        || label.asInt() >= choices.size()) {
      return "label: the index of the correct choice, 0 to " + (choices.size() - 1);
    }
    return null;
  }

  private static String unknownField(ObjectNode record, Set<String> allowed) {
    var names = record.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        return name + ": unknown field; expected " + allowed;
      }
    }
    return null;
  }

  private static String text(ObjectNode record, String field) {
    JsonNode value = record.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static void error(List<LineError> errors, long[] count, long line, String reason) {
    count[0]++;
    if (errors.size() < MAX_ERRORS) {
      errors.add(new LineError(line, reason));
    }
  }
}
