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

  /**
   * Several quantiles of one sample at once, each as {@link #linear} defines it ({@code
   * linear(values, 100 q)}), found by selection instead of a full sort: Hoare's quickselect with a
   * median-of-three pivot, O(n) expected per level. For the bootstrap and per-example quantiles of
   * the scale-correlation analysis, which need two or seven order statistics of up to tens of
   * thousands of values.
   *
   * @param values the sample, at least one value, no NaN; <b>reordered in place</b> (pass a copy to
   *     keep the original order)
   * @param quantiles levels q in [0, 1], ascending
   * @return the quantiles, in the order of the levels
   * @throws IllegalArgumentException if values is empty or the levels are out of range or order
   */
  public static double[] linearInPlace(double[] values, double... quantiles) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("cannot take a percentile of no values");
    }
    int n = values.length;
    double[] result = new double[quantiles.length];
    int settled = 0; // values[0..settled) are the smallest, and values[settled - 1] is in place
    double previous = 0;
    for (int p = 0; p < quantiles.length; p++) {
      double q = quantiles[p];
      if (!(q >= previous && q <= 1)) {
        throw new IllegalArgumentException("quantile levels must ascend within [0, 1], got " + q);
      }
      previous = q;
      double h = (n - 1) * q;
      int i = (int) Math.floor(h);
      if (i >= settled) {
        select(values, settled, n - 1, i);
        settled = i + 1;
      }
      if (i >= n - 1) {
        result[p] = values[n - 1];
        continue;
      }
      if (settled == i + 1) {
        select(values, i + 1, n - 1, i + 1);
        settled = i + 2;
      }
      result[p] = interpolate(values[i], values[i + 1], h - i);
    }
    return result;
  }

  /**
   * Puts the k-th smallest of values[lo..hi] at index k, smaller-or-equal values before it and
   * greater-or-equal after (Hoare 1961, "Algorithm 65: Find").
   */
  private static void select(double[] a, int lo, int hi, int k) {
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      double pivot = medianOfThree(a[lo], a[mid], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = a[i];
          a[i++] = a[j];
          a[j--] = swap;
        }
      }
      // Now a[lo..j] <= pivot <= a[i..hi], and a[j + 1..i - 1] == pivot.
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static double medianOfThree(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /** numpy's _lerp: interpolate from the nearer end, which keeps the result monotone in t. */
  private static double interpolate(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /**
   * The q-th quantile of an already sorted sample, by the interpolation of {@link #linear}: {@code
   * linearOfSorted(v, q) == linear(v, 100 q)} (numpy.quantile's default). For callers that take
   * many quantiles of one sample and sort it once; nothing is checked, so the caller guarantees
   * that {@code sorted} is ascending, non-empty and NaN-free and that q is in [0, 1].
   */
  public static double linearOfSorted(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int i = (int) Math.floor(h);
    if (i >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return interpolate(sorted[i], sorted[i + 1], h - i);
  }
}
