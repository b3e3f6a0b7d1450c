package io.s2l.analysis.imports;

/**
 * The upload names more distinct values of one column than an import may hold (413); reading
 * stopped there and nothing was stored.
 *
 * @param column the CSV column or JSON field
 */
public class ImportLimitExceededException extends RuntimeException {

  private final String column;
  private final long limit;
  private final String property;

  public ImportLimitExceededException(
      long row, String column, String what, long limit, String property) {
    super(
        "row "
            + row
            + ": more than "
            + limit
            + " "
            + what
            + " in one import (column "
            + column
            + "; the limit is "
            + property
            + ")");
    this.column = column;
    this.limit = limit;
    this.property = property;
  }

  public String column() {
    return column;
  }

  public long limit() {
    return limit;
  }

  public String property() {
    return property;
  }
}
