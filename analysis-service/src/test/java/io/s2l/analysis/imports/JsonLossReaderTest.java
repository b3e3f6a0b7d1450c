package io.s2l.analysis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLossReaderTest {

  /** The same table as {@link ImportTables#validCsv()}, as JSON rows. */
  static String validJson(String reference) {
    StringBuilder json = new StringBuilder("{\"name\": \"json import\",");
    if (reference != null) {
      json.append("\"referenceScale\": \"").append(reference).append("\",");
    }
    json.append("\"rows\": [");
    String[] lines = ImportTables.validCsv().split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      if (i > 1) {
        json.append(',');
      }
      json.append(
          String.format(
              "{\"scale\":\"%s\",\"params\":%s,\"tokens\":%s,\"distribution\":\"%s\",\"seed\":%s,"
                  + "\"evalSet\":\"%s\",\"exampleId\":\"%s\",\"loss\":%s%s}",
              f[0],
              f[1],
              f[2],
              f[3],
              f[4],
              f[5],
              f[6],
              f[7],
              f[8].isEmpty() ? "" : ",\"correct\":" + (f[8].equals("1")) + ",\"chance\":" + f[9]));
    }
    return json.append("]}").toString();
  }

  private static LossTable read(String json, String reference) {
    return JsonLossReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), reference);
  }

  @Test
  void jsonRowsGiveTheSameTableAsCsv() {
    LossTable fromJson = read(validJson("l"), null);
    LossTable fromCsv =
        CsvLossReader.read(
            new ByteArrayInputStream(ImportTables.validCsv().getBytes(StandardCharsets.UTF_8)),
            "l");
    assertThat(fromJson.rows()).isEqualTo(fromCsv.rows());
    assertThat(fromJson.cells().keySet()).isEqualTo(fromCsv.cells().keySet());
    fromCsv
        .cells()
        .forEach(
            (key, cell) -> {
              assertThat(fromJson.cells().get(key).losses()).containsExactly(cell.losses());
            });
    assertThat(fromJson.referenceScale()).isEqualTo("l");
  }

  @Test
  void theQueryReferenceWinsOverTheBody() {
    ImportRejectedException e =
        catchThrowableOfType(() -> read(validJson("l"), "xs"), ImportRejectedException.class);
    assertThat(e.errors().get(0).column()).isEqualTo("reference");
  }

  @Test
  void unknownFieldsAndMalformedJsonAreRefused() {
    ImportRejectedException unknown =
        catchThrowableOfType(
            () -> read("{\"rows\": [{\"scale\": \"xs\", \"colour\": \"red\"}]}", "l"),
            ImportRejectedException.class);
    assertThat(unknown.errors().get(0)).isEqualTo(new ImportError(1L, "colour", "unknown field"));
    ImportRejectedException malformed =
        catchThrowableOfType(
            () -> read("{\"rows\": [{\"scale\": ", "l"), ImportRejectedException.class);
    assertThat(malformed.errors().get(0).reason()).startsWith("malformed JSON");
  }
}
