package io.s2l.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of a {@link LineSpec}: points joined in the given order, with optional error bars.
 *
 * @param name shown in the legend and in tooltips; null or blank becomes "series N"
 * @param points the vertices; null means none; NaN or infinite points are skipped
 * @param low lower ends of the error bars, one per point; null for none (a NaN entry draws no bar)
 * @param high upper ends of the error bars, one per point; null for none (a NaN entry draws no bar)
 */
public record Series(String name, List<Point> points, double[] low, double[] high) {

  /** Copies {@code points} (a null list becomes empty) and the arrays. */
  public Series {
    points = Check.copy(points);
    low = low == null ? null : low.clone();
    high = high == null ? null : high.clone();
  }

  /** A series without error bars. */
  public Series(String name, List<Point> points) {
    this(name, points, null, null);
  }

  /** A copy of the lower error-bar ends, or null. */
  @Override
  public double[] low() {
    return low == null ? null : low.clone();
  }

  /** A copy of the upper error-bar ends, or null. */
  @Override
  public double[] high() {
    return high == null ? null : high.clone();
  }

  /** Compares the arrays by content, unlike the record default. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && Objects.equals(name, s.name)
        && points.equals(s.points)
        && Arrays.equals(low, s.low)
        && Arrays.equals(high, s.high);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, points, Arrays.hashCode(low), Arrays.hashCode(high));
  }

  @Override
  public String toString() {
    return "Series[name=%s, points=%s, low=%s, high=%s]"
        .formatted(name, points, Arrays.toString(low), Arrays.toString(high));
  }

  /** The error-bar end {@code ends[i]}, or NaN when there is none. */
  static double end(double[] ends, int i) {
    return ends == null ? Double.NaN : ends[i];
  }
}
