package io.s2l.analysis.mixture;

import io.s2l.api.mixture.MixtureResult;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The latest mixture recommendation of a study, with its verification once measured. */
@Component
public class MixtureReader {

  private final MixtureStore store;

  MixtureReader(MixtureStore store) {
    this.store = store;
  }

  public MixtureResult latest(UUID study) {
    MixtureStore.Stored stored =
        store
            .latest(study)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "study " + study + " has no mixture recommendation (yet)"));
    return new MixtureResult(stored.version(), stored.recommendation(), stored.verification());
  }
}
