package io.s2l.plots;

/**
 * An infinite straight line y = slope * x + intercept, drawn clipped to the plot area. A line with
 * a NaN or infinite coefficient (such as the fit of a constant x) is not drawn.
 *
 * @param slope change in y per unit of x
 * @param intercept y at x = 0
 */
public record Line(double slope, double intercept) {

  /** slope * x + intercept. */
  public double at(double x) {
    return slope * x + intercept;
  }

  boolean isFinite() {
    return Double.isFinite(slope) && Double.isFinite(intercept);
  }
}
