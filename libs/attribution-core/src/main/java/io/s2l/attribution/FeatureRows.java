package io.s2l.attribution;

/**
 * A matrix of float32 features, rows x dimension, row-major, read in chunks of consecutive rows so
 * that a pool of n examples never has to be held in memory at once. Row i is phi_i, the projected
 * gradient of example i (docs/science.md section 3.2).
 *
 * <p>Implementations: {@link FeatureFile} (a raw little-endian float32 file) and {@link #of} (an
 * array in memory). Implementations must allow {@link #read} from several threads at once.
 */
public interface FeatureRows {

  /** Number of rows n. */
  int rows();

  /** Number of columns k (the projection dimension), at least 1. */
  int dimension();

  /**
   * Copies rows [firstRow, firstRow + count) into {@code into[0 .. count * dimension())},
   * row-major.
   *
   * @throws IllegalArgumentException if the rows are out of range or {@code into} is too short
   * @throws java.io.UncheckedIOException if the rows cannot be read from their storage
   */
  void read(int firstRow, int count, float[] into);

  /**
   * Features held in memory. The array is used as is, not copied: do not modify it afterwards.
   *
   * @param rowMajor rows x dimension values, row after row
   * @throws IllegalArgumentException if rows &lt; 0, dimension &lt; 1 or the length is not rows x
   *     dimension
   */
  static FeatureRows of(float[] rowMajor, int rows, int dimension) {
    return new ArrayFeatureRows(rowMajor, rows, dimension);
  }
}
