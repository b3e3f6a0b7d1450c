package io.s2l.attribution;

import java.util.Objects;

/** Checks and views of subset-membership matrices (m subsets x n pool examples). */
final class Subsets {

  private Subsets() {}

  /**
   * Checks that subsets is a non-empty m x n matrix; returns m.
   *
   * @throws IllegalArgumentException naming the first row of the wrong length
   */
  static int validate(boolean[][] subsets, int n) {
    Objects.requireNonNull(subsets, "subsets");
    if (subsets.length == 0) {
      throw new IllegalArgumentException("at least one subset is required");
    }
    for (int j = 0; j < subsets.length; j++) {
      Objects.requireNonNull(subsets[j], "subsets[" + j + "]");
      if (subsets[j].length != n) {
        throw new IllegalArgumentException(
            "subsets[" + j + "] has " + subsets[j].length + " entries, the pool " + n);
      }
    }
    return subsets.length;
  }

  /** Checks that outputs is an m x t matrix of finite values. */
  static void requireOutputs(double[][] outputs, int m, int t) {
    Objects.requireNonNull(outputs, "outputs");
    if (outputs.length != m) {
      throw new IllegalArgumentException(
          "outputs has " + outputs.length + " rows, one per subset (" + m + ") is required");
    }
    for (int j = 0; j < m; j++) {
      Objects.requireNonNull(outputs[j], "outputs[" + j + "]");
      if (outputs[j].length != t) {
        throw new IllegalArgumentException(
            "outputs[" + j + "] has " + outputs[j].length + " values, one per target (" + t + ")");
      }
      for (int z = 0; z < t; z++) {
        if (!Double.isFinite(outputs[j][z])) {
          throw new IllegalArgumentException(
              "outputs[" + j + "][" + z + "] is " + outputs[j][z] + ", not finite");
        }
      }
    }
  }

  /** For each subset, the ascending indices of its members. */
  static int[][] members(boolean[][] subsets) {
    int[][] members = new int[subsets.length][];
    for (int j = 0; j < subsets.length; j++) {
      boolean[] row = subsets[j];
      int count = 0;
      for (boolean in : row) {
        if (in) {
          count++;
        }
      }
      int[] list = new int[count];
      int next = 0;
      for (int i = 0; i < row.length; i++) {
        if (row[i]) {
          list[next++] = i;
        }
      }
      members[j] = list;
    }
    return members;
  }
}
