package io.s2l.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The golden stored documents (api-model's test resources, {@code golden/README.md}) and the mapper
 * the service writes with.
 */
public final class GoldenDocuments {

  /** Configured as Spring Boot configures the service's. */
  public static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  private GoldenDocuments() {}

  /**
   * Whether a run of the tests rewrites the golden documents from the builders' current output
   * ({@code -Ds2l.golden.write=true}), for a change that is meant to alter them; the diff is then
   * reviewed and the README says why.
   */
  public static boolean rewriting() {
    return Boolean.getBoolean("s2l.golden.write");
  }

  /** The golden document {@code name}, first rewritten to {@code written} when rewriting. */
  public static String expecting(String name, String written) throws IOException {
    if (rewriting()) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(
              "../libs/api-model/src/test/resources/golden", name + ".stored.json"),
          written + "\n",
          StandardCharsets.UTF_8);
      return written;
    }
    return text(name);
  }

  public static String text(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            GoldenDocuments.class.getResourceAsStream("/golden/" + name + ".stored.json"), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
