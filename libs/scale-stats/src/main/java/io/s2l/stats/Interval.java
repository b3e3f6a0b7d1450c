package io.s2l.stats;

/**
 * A closed interval [low, high], e.g. a bootstrap confidence interval. Both bounds are NaN when the
 * interval is undefined (see {@link Bootstrap#interval}).
 */
public record Interval(double low, double high) {

  /**
   * @throws IllegalArgumentException if exactly one bound is NaN or low &gt; high
   */
  public Interval {
    if (Double.isNaN(low) != Double.isNaN(high)) {
      throw new IllegalArgumentException(
          "interval bounds must both be NaN or both be numbers, got [" + low + ", " + high + "]");
    }
    if (low > high) {
      throw new IllegalArgumentException("interval low " + low + " exceeds high " + high);
    }
  }

  /** Whether both bounds are numbers. */
  public boolean isDefined() {
    return !Double.isNaN(low);
  }

  /** Whether low &lt;= value &lt;= high; false for an undefined interval or a NaN value. */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }
}
