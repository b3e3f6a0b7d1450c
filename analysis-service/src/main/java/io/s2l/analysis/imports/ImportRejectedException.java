package io.s2l.analysis.imports;

import java.util.List;

/** An import was refused; nothing was stored. {@link #errors()} holds the first errors found. */
public class ImportRejectedException extends RuntimeException {

  private final List<ImportError> errors;
  private final long errorCount;

  public ImportRejectedException(List<ImportError> errors, long errorCount) {
    super(describe(errors, errorCount));
    this.errors = List.copyOf(errors);
    this.errorCount = errorCount;
  }

  public List<ImportError> errors() {
    return errors;
  }

  public long errorCount() {
    return errorCount;
  }

  private static String describe(List<ImportError> errors, long count) {
    ImportError first = errors.get(0);
    String where =
        (first.row() != null ? "row " + first.row() : "table")
            + (first.column() != null ? ", column " + first.column() : "");
    return count + " error(s); first at " + where + ": " + first.reason();
  }
}
