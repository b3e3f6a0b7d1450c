package io.s2l.plots;

/**
 * One data point.
 *
 * @param x horizontal coordinate; a NaN or infinite point is skipped when drawn
 * @param y vertical coordinate; a NaN or infinite point is skipped when drawn
 * @param label drawn small next to the marker; null or blank for none
 */
public record Point(double x, double y, String label) {

  /** A point without a label. */
  public Point(double x, double y) {
    this(x, y, null);
  }

  boolean isFinite() {
    return Double.isFinite(x) && Double.isFinite(y);
  }

  boolean hasLabel() {
    return label != null && !label.isBlank();
  }
}
