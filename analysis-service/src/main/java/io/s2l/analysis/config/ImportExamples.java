package io.s2l.analysis.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;

/**
 * The examples of the two import formats: the first rows of the example results file as it is
 * (CSV), and the same rows in the JSON format, so the two show one table.
 */
record ImportExamples(String csv, ObjectNode json) {

  static final String FILE = "openapi/results-example.csv";
  private static final int ROWS = 8;
  private static final Set<String> NUMBERS = Set.of("params", "tokens", "seed", "loss", "chance");

  static ImportExamples load(ObjectMapper mapper) {
    List<String> lines;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
      lines = in.lines().limit(ROWS + 1).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("the example results " + FILE + " are missing", e);
    }
    String[] header = lines.get(0).split(",", -1);
    ObjectNode json = mapper.createObjectNode();
    json.put("referenceScale", "1B"); // the largest scale of the file
    ArrayNode rows = json.putArray("rows");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      ObjectNode row = rows.addObject();
      for (int i = 0; i < header.length; i++) {
        String column = header[i];
        String cell = cells[i];
        if (cell.isEmpty()) {
          continue; // optional columns are left out
        }
        if (column.equals("correct")) {
          row.put(column, cell.equals("1"));
        } else if (NUMBERS.contains(column)) {
          row.put(column, new BigDecimal(cell));
        } else {
          row.put(column, cell);
        }
      }
    }
    return new ImportExamples(String.join("\n", lines) + "\n", json);
  }
}
