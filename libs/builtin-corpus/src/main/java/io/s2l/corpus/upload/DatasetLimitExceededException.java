package io.s2l.corpus.upload;

/** An upload passed one of {@link DatasetLimits}; reading stopped there. */
public class DatasetLimitExceededException extends RuntimeException {

  /** Which limit: a line's length in bytes, or the number of records. */
  public enum Limit {
    LINE_BYTES,
    RECORDS
  }

  private final Limit limit;
  private final long line;
  private final long value;

  public DatasetLimitExceededException(Limit limit, long line, long value) {
    super(
        limit == Limit.LINE_BYTES
            ? "line " + line + " is longer than " + value + " bytes"
            : "line " + line + " is past the limit of " + value + " records");
    this.limit = limit;
    this.line = line;
    this.value = value;
  }

  public Limit limit() {
    return limit;
  }

  /** The 1-based line where the limit was passed. */
  public long line() {
    return line;
  }

  /** The limit's value. */
  public long value() {
    return value;
  }
}
