package io.s2l.corpus.upload;

/**
 * How much one upload may hold, checked as it streams.
 *
 * @param maxLineBytes bytes of one line, its line break not counted
 * @param maxRecords lines with a record
 */
public record DatasetLimits(int maxLineBytes, long maxRecords) {

  /** Defaults that hold a text of {@link DatasetCheck#MAX_TEXT_BYTES} with room for escapes. */
  public static final DatasetLimits DEFAULTS = new DatasetLimits(4 << 20, 1_000_000);

  public DatasetLimits {
    if (maxLineBytes < 1 || maxRecords < 1) {
      throw new IllegalArgumentException("dataset limits must be positive");
    }
  }
}
