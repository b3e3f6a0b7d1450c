package io.s2l.plots;

/** The closed interval [lo, hi] of the data on one axis; {@link #EMPTY} until a value is added. */
record Range(double lo, double hi) {

  static final Range EMPTY = new Range(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

  /** This range widened to include {@code v}; NaN and infinite values are ignored. */
  Range with(double v) {
    return Double.isFinite(v) ? new Range(Math.min(lo, v), Math.max(hi, v)) : this;
  }

  boolean isEmpty() {
    return lo > hi;
  }

  /**
   * A range of positive width for a linear axis. A (near) zero width, as from a single point, is
   * widened by 10% of the value on each side, or by 1 around 0. Widths below 1e-9 of the magnitude
   * count as zero: they are invisible at any screen resolution and would make tick indices
   * overflow.
   */
  Range padded() {
    double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
    if (hi - lo > 1e-9 * magnitude) {
      return this;
    }
    double mid = lo / 2 + hi / 2;
    double pad = mid == 0 ? 1 : Math.abs(mid) * 0.1;
    return new Range(mid - pad, mid + pad);
  }

  /** A range of positive width for a logarithmic axis: a single value v becomes [v / 2, 2 v]. */
  Range paddedLog() {
    return hi / lo > 1 + 1e-9 ? this : new Range(lo / 2, hi * 2);
  }
}
