package io.s2l.client;

/**
 * One reason the input was refused, located by a field of a JSON document, a line of a JSON-lines
 * upload, or a row and column of a CSV import; what does not apply is null.
 */
public record ProblemError(String field, Long line, Long row, String column, String reason) {

  /** {@code field: reason}, {@code line 3: reason} or {@code row 7, column loss: reason}. */
  public String describe() {
    String where;
    if (field != null) {
      where = field;
    } else if (line != null) {
      where = "line " + line;
    } else if (row != null) {
      where = "row " + row + (column == null ? "" : ", column " + column);
    } else {
      where = column == null ? null : "column " + column;
    }
    return where == null ? reason : where + ": " + reason;
  }
}
