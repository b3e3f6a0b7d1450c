package io.s2l.analysis.selection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.api.selection.SelectionResult;
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

  public SelectionResult latest(UUID study) {
    SelectionStore.Stored stored =
        store
            .latest(study)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "study " + study + " has no verified selection (yet)"));
    try {
      return json.readValue(stored.document(), SelectionResult.class).served(stored.version());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable selection of study " + study, e);
    }
  }
}
