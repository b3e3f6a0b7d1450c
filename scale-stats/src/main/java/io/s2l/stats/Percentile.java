package io.s2l.stats;

import java.util.Arrays;
import java.util.Objects;

/** Sample percentiles. */
public final class Percentile {

  private Percentile() {}

  /**
   * The p-th percentile with linear interpolation between order statistics, the default of {@code
   * numpy.percentile(values, p)} (Hyndman and Fan 1996, definition 7). With v the sorted values
   * (0-based), h = (n - 1) p / 100, i = floor(h) and t = h - i:
   *
   * <pre>
   *   P = v_i + t (v_{i+1} - v_i)
   * </pre>
   *
   * evaluated as v_{i+1} - (1 - t)(v_{i+1} - v_i) when t &gt;= 0.5, as numpy does.
   *
   * @param values the sample, not modified, at least one value, no NaN
   * @param percent p in [0, 100]
   * @throws IllegalArgumentException if values is empty or holds NaN, or p is outside [0, 100]
   */
  public static double linear(double[] values, double percent) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("cannot take a percentile of no values");
    }
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in [0, 100], got " + percent);
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("values[" + i + "] is NaN");
      }
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return linearOfSorted(sorted, percent / 100);
  }

  /** Linear-interpolation quantile q in [0, 1] of a sorted, non-empty, NaN-free array. */
  static double linearOfSorted(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int i = (int) Math.floor(h);
    if (i >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double t = h - i;
    double a = sorted[i];
    double b = sorted[i + 1];
    double diff = b - a;
    // numpy's _lerp: interpolate from the nearer end, which keeps the result monotone in q.
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
