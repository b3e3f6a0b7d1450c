package io.s2l.corpus.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.EvalExample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An uploaded evaluation set, as checked and normalised by {@link DatasetCheck}. */
public record UploadedEvalSet(String kind, List<EvalExample> examples) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static UploadedEvalSet read(Path file) {
    List<EvalExample> examples = new ArrayList<>();
    String kind = "answer";
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode n = JSON.readTree(line);
        if (n.has("choices")) {
          kind = "choice";
          List<String> choices = new ArrayList<>();
          n.get("choices").forEach(c -> choices.add(c.asText()));
          examples.add(
              new EvalExample(
                  n.get("id").asText(),
                  n.get("prompt").asText(),
                  null,
                  choices,
                  n.get("label").asInt()));
        } else {
          examples.add(
              new EvalExample(
                  n.get("id").asText(),
                  n.get("prompt").asText(),
                  n.get("answer").asText(),
                  null,
                  null));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uploaded evaluation set " + file, e);
    }
    return new UploadedEvalSet(kind, examples);
  }

  /**
   * Chance accuracy for multiple choice, or null: the mean over examples of 1 / (number of
   * choices), the expected accuracy of guessing uniformly on every example, since records may have
   * different numbers of choices.
   */
  public Double chance() {
    if (!kind.equals("choice")) {
      return null;
    }
    double sum = 0;
    for (EvalExample example : examples) {
      sum += 1.0 / example.choices().size();
    }
    return sum / examples.size();
  }
}
