package io.s2l.analysis.mixture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The latest mixture recommendation of a study, with its verification once measured. */
@Component
public class MixtureReader {

  private final MixtureStore store;
  private final ObjectMapper json;

  MixtureReader(MixtureStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  public ObjectNode latest(UUID study) {
    MixtureStore.Stored stored =
        store
            .latest(study)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "study " + study + " has no mixture recommendation (yet)"));
    try {
      ObjectNode doc = json.createObjectNode();
      doc.put("version", stored.version());
      doc.set("recommendation", json.readTree(stored.recommendation()));
      doc.set(
          "verification",
          stored.verification() == null ? null : json.readTree(stored.verification()));
      return doc;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable mixture result of study " + study, e);
    }
  }
}
