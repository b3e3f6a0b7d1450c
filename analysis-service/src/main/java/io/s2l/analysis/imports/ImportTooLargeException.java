package io.s2l.analysis.imports;

/** The upload exceeded the configured size limit; nothing was stored. */
public class ImportTooLargeException extends RuntimeException {
  public ImportTooLargeException(long limit) {
    super("the upload exceeds the limit of " + limit + " bytes (s2l.analysis.max-import-bytes)");
  }
}
