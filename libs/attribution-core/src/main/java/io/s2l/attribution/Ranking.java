package io.s2l.attribution;

import java.util.Arrays;
import java.util.Comparator;

/** The indices of the largest values. */
final class Ranking {

  private Ranking() {}

  /** The {@code size} indices of the largest values, largest first, ties by lower index. */
  static int[] top(double[] values, int size) {
    if (size < 1 || size > values.length) {
      throw new IllegalArgumentException(
          "cannot take " + size + " of " + values.length + " examples");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
      }
    }
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> values[i])
            .reversed()
            .thenComparingInt(Integer::intValue));
    int[] top = new int[size];
    for (int i = 0; i < size; i++) {
      top[i] = order[i];
    }
    return top;
  }
}
