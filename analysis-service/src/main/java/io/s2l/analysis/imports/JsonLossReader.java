package io.s2l.analysis.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an import as JSON, streaming token by token: either {@code {"referenceScale": ..., "rows":
 * [row, ...]}} or a bare array of rows. A row is an object with the CSV's columns as fields
 * (numbers may be JSON numbers or strings; {@code correct} may be a boolean).
 */
public final class JsonLossReader {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final List<String> FIELDS =
      List.of(
          "scale",
          "params",
          "tokens",
          "distribution",
          "seed",
          "evalSet",
          "exampleId",
          "loss",
          "correct",
          "chance",
          "answerLogprobs",
          "answerLabel",
          "answerBytes",
          "answerTokens");

  private JsonLossReader() {}

  /**
   * @param reference the reference scale from the query, or null to take it from the body
   */
  public static LossTable read(InputStream in, String reference) {
    return read(in, reference, ImportLimits.DEFAULTS);
  }

  public static LossTable read(InputStream in, String reference, ImportLimits limits) {
    LossTableBuilder table = new LossTableBuilder(limits);
    String bodyReference = null;
    try (JsonParser parser = FACTORY.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        readRows(parser, table);
      } else if (first == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (field) {
            case "rows" -> {
              if (value != JsonToken.START_ARRAY) {
                table.error(0, "rows", "must be an array of rows");
                parser.skipChildren();
              } else {
                readRows(parser, table);
              }
            }
            case "referenceScale" -> bodyReference = parser.getValueAsString();
            case "name" -> parser.skipChildren();
            default -> {
              table.error(0, field, "unknown field; expected referenceScale, name, rows");
              parser.skipChildren();
            }
          }
        }
      } else {
        table.error(0, null, "expected a JSON object with rows, or an array of rows");
      }
    } catch (JsonParseException e) {
      table.error(
          0,
          null,
          "malformed JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload", e);
    }
    return table.build(reference != null ? reference : bodyReference);
  }

  /** The row's answer score fields, or null when it has none. */
  private static String[] answer(Map<String, String> values) {
    String[] answer = new String[AnswerColumns.NAMES.size()];
    boolean any = false;
    for (int i = 0; i < answer.length; i++) {
      answer[i] = values.get(AnswerColumns.NAMES.get(i));
      any |= answer[i] != null;
    }
    return any ? answer : null;
  }

  private static void readRows(JsonParser parser, LossTableBuilder table) throws IOException {
    long row = 0;
    Map<String, String> values = new HashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      row++;
      if (token == null) {
        table.error(row, null, "unexpected end of input: the rows array is not closed");
        return;
      }
      if (token != JsonToken.START_OBJECT) {
        table.error(row, null, "a row must be an object");
        parser.skipChildren();
        continue;
      }
      values.clear();
      boolean ok = true;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!FIELDS.contains(field)) {
          table.error(row, field, "unknown field");
          ok = false;
          parser.skipChildren();
        } else if (value.isStructStart()) {
          table.error(row, field, "must be a string, number or boolean");
          ok = false;
          parser.skipChildren();
        } else if (value != JsonToken.VALUE_NULL) {
          values.put(field, parser.getText());
        }
      }
      if (ok) {
        table.row(
            row,
            values.get("scale"),
            values.get("params"),
            values.get("tokens"),
            values.get("distribution"),
            values.get("seed"),
            values.get("evalSet"),
            values.get("exampleId"),
            values.get("loss"),
            values.get("correct"),
            values.get("chance"),
            answer(values));
      }
    }
  }
}
