package io.s2l.analysis.selection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The latest verification of a selection study, as served. */
@Component
public class SelectionReader {

  private final SelectionStore store;
  private final ObjectMapper json;

  SelectionReader(SelectionStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  public ObjectNode latest(UUID study) {
    SelectionStore.Stored stored =
        store
            .latest(study)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "study " + study + " has no verified selection (yet)"));
    try {
      ObjectNode doc = (ObjectNode) json.readTree(stored.document());
      doc.put("version", stored.version());
      return doc;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable selection of study " + study, e);
    }
  }
}
