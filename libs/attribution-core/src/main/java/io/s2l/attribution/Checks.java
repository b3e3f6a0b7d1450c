package io.s2l.attribution;

import java.util.Objects;

/** Shared argument checks; each failure says which argument is wrong and why. */
final class Checks {

  /** The largest Java array length that every JVM can allocate. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Checks() {}

  /** rows &gt;= 0, dimension &gt;= 1. */
  static void shape(long rows, int dimension) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be non-negative, got " + rows);
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
    }
  }

  /** The arguments of {@link FeatureRows#read} against the rows' shape. */
  static void readRequest(FeatureRows rows, int firstRow, int count, float[] into) {
    Objects.requireNonNull(into, "into");
    if (firstRow < 0 || count < 0 || (long) firstRow + count > rows.rows()) {
      throw new IllegalArgumentException(
          "rows ["
              + firstRow
              + ", "
              + ((long) firstRow + count)
              + ") are outside [0, "
              + rows.rows()
              + ")");
    }
    long needed = (long) count * rows.dimension();
    if (into.length < needed) {
      throw new IllegalArgumentException(
          "into holds " + into.length + " values, " + count + " rows need " + needed);
    }
  }

  /** rows x columns as an array length, or a failure naming the matrix if it is too large. */
  static int arrayLength(String matrix, long rows, long columns) {
    long length = rows * columns;
    if (length > MAX_ARRAY) {
      throw new IllegalArgumentException(
          matrix
              + " of "
              + rows
              + " x "
              + columns
              + " = "
              + length
              + " values exceeds the largest Java array ("
              + MAX_ARRAY
              + ")");
    }
    return (int) length;
  }

  static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  static void finite(String name, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + ", not finite");
      }
    }
  }
}
