package io.s2l.plots;

import java.util.List;

/**
 * A line chart, drawn by {@link Svg#lines(LineSpec)}. The y axis is linear; the x axis is linear or
 * base-10 logarithmic. A legend is drawn when there are two or more series.
 *
 * @param title chart title; null or blank for none
 * @param xLabel horizontal axis label; null or blank for none
 * @param yLabel vertical axis label; null or blank for none
 * @param logX whether the x axis is logarithmic (every finite x must then be positive)
 * @param series the lines, coloured in order from a colour-blind-safe palette; null means none
 * @param threshold y of a labelled horizontal dashed line; null (or NaN/infinite) for none
 */
public record LineSpec(
    String title,
    String xLabel,
    String yLabel,
    boolean logX,
    List<Series> series,
    Double threshold) {

  /** Copies {@code series} (a null list becomes empty). */
  public LineSpec {
    series = Check.copy(series);
  }
}
