package io.s2l.analysis.imports;

/** The upload exceeded the configured size limit; nothing was stored. */
public class ImportTooLargeException extends RuntimeException {

  public static final String PROPERTY = "s2l.analysis.max-import-size";

  private final long limit;

  public ImportTooLargeException(long limit) {
    super("the upload exceeds the limit of " + limit + " bytes (" + PROPERTY + ")");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
