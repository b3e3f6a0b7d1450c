package io.s2l.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mapper the client reads the API's documents with. */
public final class ApiJson {

  private ApiJson() {}

  /**
   * A mapper that ignores fields it does not know, so that a newer server, which may add fields,
   * does not break an older client; a missing required field still fails, naming the field (the
   * records mark them {@code required}).
   */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }
}
