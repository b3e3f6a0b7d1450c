package io.s2l.stats;

import java.util.Objects;

/** Shared input checks and small helpers; package-private so the public API stays minimal. */
final class Samples {

  /** The smallest sample for which a correlation or a fitted line means anything. */
  static final int MIN_POINTS = 3;

  private Samples() {}

  /**
   * Checks a paired sample: both arrays present, same length, at least {@link #MIN_POINTS} points,
   * every value finite.
   */
  static void requirePaired(double[] x, double[] y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, got " + x.length + " and " + y.length);
    }
    if (x.length < MIN_POINTS) {
      throw new IllegalArgumentException(
          "at least " + MIN_POINTS + " paired points are required, got " + x.length);
    }
    requireFinite("x", x);
    requireFinite("y", y);
  }

  /** Rejects NaN and infinite values, naming the array and the first offending index. */
  static void requireFinite(String name, double[] values) {
    Objects.requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] is " + values[i] + "; all values must be finite");
      }
    }
  }

  /**
   * Zero variance, decided exactly: all values equal. A floating-point variance can come out as a
   * tiny positive number for a constant array whose mean is not representable (0.1, 0.1, 0.1), so
   * it is not used for this decision.
   */
  static boolean isConstant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Orders finite doubles numerically, treating -0.0 and 0.0 as equal (unlike Double.compare). */
  static int compare(double a, double b) {
    return a < b ? -1 : (a > b ? 1 : 0);
  }

  /** Number of unordered pairs among {@code count} items: count (count - 1) / 2. */
  static long pairs(long count) {
    return count * (count - 1) / 2;
  }
}
