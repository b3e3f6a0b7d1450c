package io.s2l.experiment.dataset;

import io.s2l.corpus.upload.LineError;
import java.util.List;

/** An upload was refused; nothing was kept. */
public class DatasetRejectedException extends RuntimeException {

  private final List<LineError> errors;
  private final long errorCount;

  public DatasetRejectedException(List<LineError> errors, long errorCount) {
    super(
        errorCount
            + " error(s); first at line "
            + errors.get(0).line()
            + ": "
            + errors.get(0).reason());
    this.errors = List.copyOf(errors);
    this.errorCount = errorCount;
  }

  public List<LineError> errors() {
    return errors;
  }

  public long errorCount() {
    return errorCount;
  }
}
