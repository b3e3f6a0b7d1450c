package io.s2l.analysis.attribution;

import io.s2l.attribution.FeatureRows;

/** Chosen rows of a feature matrix, in the given order: the targets among a model's test rows. */
final class GatheredRows implements FeatureRows {

  private final FeatureRows all;
  private final int[] rows;

  GatheredRows(FeatureRows all, int[] rows) {
    this.all = all;
    this.rows = rows.clone();
    if (rows.length == 0) {
      throw new IllegalArgumentException("at least one row is required");
    }
    for (int r : rows) {
      if (r < 0 || r >= all.rows()) {
        throw new IllegalArgumentException(
            "row " + r + " is outside a matrix of " + all.rows() + " rows");
      }
    }
  }

  @Override
  public int rows() {
    return rows.length;
  }

  @Override
  public int dimension() {
    return all.dimension();
  }

  @Override
  public void read(int firstRow, int count, float[] into) {
    if (firstRow < 0 || count < 0 || firstRow + count > rows.length) {
      throw new IndexOutOfBoundsException("rows " + firstRow + "+" + count + " of " + rows.length);
    }
    int k = all.dimension();
    float[] row = new float[k];
    for (int i = 0; i < count; i++) {
      all.read(rows[firstRow + i], 1, row);
      System.arraycopy(row, 0, into, i * k, k);
    }
  }
}
