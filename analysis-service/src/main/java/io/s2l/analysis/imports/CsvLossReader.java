package io.s2l.analysis.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an import as CSV (RFC 4180: comma-separated, optional double quotes, "" inside quotes). The
 * header names the columns in any order: {@code scale,params,tokens,distribution,seed,evalSet,
 * exampleId,loss} are required, {@code correct,chance} and the raw answer scores of {@link
 * AnswerColumns} optional, and {@code margin} (which trainers write for image sets,
 * docs/trainer-contract.md) is accepted and not read: imports keep no margins. Streams: one line in
 * memory.
 */
public final class CsvLossReader {

  static final List<String> REQUIRED =
      List.of("scale", "params", "tokens", "distribution", "seed", "evalSet", "exampleId", "loss");
  static final List<String> OPTIONAL =
      List.of(
          "correct",
          "chance",
          "margin",
          "answerLogprobs",
          "answerLabel",
          "answerBytes",
          "answerTokens");

  private CsvLossReader() {}

  public static LossTable read(InputStream in, String reference) {
    return read(in, reference, ImportLimits.DEFAULTS);
  }

  public static LossTable read(InputStream in, String reference, ImportLimits limits) {
    LossTableBuilder table = new LossTableBuilder(limits);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String header = reader.readLine();
      if (header == null) {
        table.error(0, null, "the file is empty; expected a header: " + String.join(",", REQUIRED));
        return table.build(reference);
      }
      Map<String, Integer> columns = columns(stripBom(header), table);
      if (table.hasErrors()) {
        return table.build(reference);
      }
      int width = columns.size();
      int[] at = new int[REQUIRED.size() + OPTIONAL.size()];
      for (int i = 0; i < at.length; i++) {
        String name = i < REQUIRED.size() ? REQUIRED.get(i) : OPTIONAL.get(i - REQUIRED.size());
        at[i] = columns.getOrDefault(name, -1);
      }
      String[] fields = new String[width];
      String line;
      long row = 0;
      while ((line = reader.readLine()) != null) {
        row++;
        if (line.isEmpty()) {
          continue;
        }
        int count = split(line, fields);
        if (count != width) {
          table.error(row, null, "expected " + width + " fields, found " + count);
          continue;
        }
        table.row(
            row,
            fields[at[0]],
            fields[at[1]],
            fields[at[2]],
            fields[at[3]],
            fields[at[4]],
            fields[at[5]],
            fields[at[6]],
            fields[at[7]],
            at[8] >= 0 ? fields[at[8]] : null,
            at[9] >= 0 ? fields[at[9]] : null,
            answer(at, fields));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload", e);
    }
    return table.build(reference);
  }

  /** The answer score columns of the line, or null when the header has none. */
  private static String[] answer(int[] at, String[] fields) {
    int first = REQUIRED.size() + OPTIONAL.indexOf(AnswerColumns.NAMES.get(0));
    String[] answer = new String[AnswerColumns.NAMES.size()];
    boolean any = false;
    for (int i = 0; i < answer.length; i++) {
      if (at[first + i] >= 0) {
        answer[i] = fields[at[first + i]];
        any = true;
      }
    }
    return any ? answer : null;
  }

  private static Map<String, Integer> columns(String header, LossTableBuilder table) {
    String[] names = new String[REQUIRED.size() + OPTIONAL.size() + 1];
    int count = split(header, names);
    Map<String, Integer> columns = new HashMap<>();
    if (count > REQUIRED.size() + OPTIONAL.size()) {
      table.error(
          0, null, "too many columns; expected " + String.join(",", REQUIRED) + optionalNames());
      return columns;
    }
    for (int i = 0; i < count; i++) {
      String name = names[i].trim();
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        table.error(
            0, name, "unknown column; expected " + String.join(",", REQUIRED) + optionalNames());
      } else if (columns.put(name, i) != null) {
        table.error(0, name, "duplicate column");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      table.error(0, String.join(",", missing), "missing column(s) in the header");
    }
    return columns;
  }

  private static String optionalNames() {
    return "[," + String.join(",", OPTIONAL) + "]";
  }

  /**
   * Splits one CSV line into {@code fields}; returns the number of fields found (which may exceed
   * the array: the caller then reports a width error).
   */
  static int split(String line, String[] fields) {
    int count = 0;
    int i = 0;
    int n = line.length();
    while (true) {
      String value;
      if (i < n && line.charAt(i) == '"') {
        StringBuilder quoted = new StringBuilder();
        i++;
        while (i < n) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              quoted.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          quoted.append(c);
          i++;
        }
        value = quoted.toString();
        while (i < n && line.charAt(i) != ',') {
          i++;
        }
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        value = line.substring(i, end);
        i = end;
      }
      if (count < fields.length) {
        fields[count] = value;
      }
      count++;
      if (i >= n) {
        return count;
      }
      i++; // the comma
      if (i == n) {
        if (count < fields.length) {
          fields[count] = "";
        }
        return count + 1;
      }
    }
  }

  private static String stripBom(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }
}
