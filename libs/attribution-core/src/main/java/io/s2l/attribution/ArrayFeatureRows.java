package io.s2l.attribution;

import java.util.Objects;

/** {@link FeatureRows} over a row-major array in memory; see {@link FeatureRows#of}. */
final class ArrayFeatureRows implements FeatureRows {

  private final float[] values;
  private final int rows;
  private final int dimension;

  ArrayFeatureRows(float[] values, int rows, int dimension) {
    Objects.requireNonNull(values, "rowMajor");
    Checks.shape(rows, dimension);
    if (values.length != (long) rows * dimension) {
      throw new IllegalArgumentException(
          "rowMajor has "
              + values.length
              + " values, but "
              + rows
              + " rows x "
              + dimension
              + " columns need "
              + (long) rows * dimension);
    }
    this.values = values;
    this.rows = rows;
    this.dimension = dimension;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void read(int firstRow, int count, float[] into) {
    Checks.readRequest(this, firstRow, count, into);
    System.arraycopy(values, firstRow * dimension, into, 0, count * dimension);
  }

  /** The backing array, for the copy into native memory without an intermediate array. */
  float[] values() {
    return values;
  }
}
