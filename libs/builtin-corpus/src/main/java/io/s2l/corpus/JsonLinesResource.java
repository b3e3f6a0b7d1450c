package io.s2l.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the gzipped JSON-lines classpath resources the built-in data is shipped as. */
final class JsonLinesResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesResource() {}

  /** Every non-blank line of a {@code .jsonl.gz} resource as a {@code type}, in file order. */
  static <T> List<T> read(String path, Class<T> type) {
    List<T> records = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(open(path)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          records.add(JSON.readValue(line, type));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return records;
  }

  static InputStream open(String path) {
    InputStream in = JsonLinesResource.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + path);
    }
    return in;
  }
}
