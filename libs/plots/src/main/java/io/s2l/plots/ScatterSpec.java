package io.s2l.plots;

import java.util.List;

/**
 * A scatter plot on linear axes, drawn by {@link Svg#scatter(ScatterSpec)}.
 *
 * @param title chart title; null or blank for none
 * @param xLabel horizontal axis label; null or blank for none
 * @param yLabel vertical axis label; null or blank for none
 * @param points the markers; null means none; NaN or infinite points are skipped
 * @param fit a fitted line drawn solid, with its equation in the key; null for none
 * @param identity whether to draw the line y = x dashed
 */
public record ScatterSpec(
    String title, String xLabel, String yLabel, List<Point> points, Line fit, boolean identity) {

  /** Copies {@code points} (a null list becomes empty). */
  public ScatterSpec {
    points = Check.copy(points);
  }
}
