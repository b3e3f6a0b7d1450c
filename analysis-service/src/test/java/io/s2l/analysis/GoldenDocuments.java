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

  public static String text(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            GoldenDocuments.class.getResourceAsStream("/golden/" + name + ".stored.json"), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
