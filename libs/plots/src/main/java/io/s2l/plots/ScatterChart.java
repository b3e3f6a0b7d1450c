package io.s2l.plots;

import java.util.ArrayList;
import java.util.List;

/** Draws a {@link ScatterSpec}; see {@link Svg#scatter(ScatterSpec)}. */
final class ScatterChart {

  /** Pixels between the axes and the outermost markers. */
  private static final double INSET = 10;

  private ScatterChart() {}

  static String render(ScatterSpec spec) {
    Check.noNullElements(spec.points(), "points");
    Range xr = Range.EMPTY;
    Range yr = Range.EMPTY;
    for (Point p : spec.points()) {
      if (p.isFinite()) {
        xr = xr.with(p.x());
        yr = yr.with(p.y());
      }
    }
    SvgWriter out = new SvgWriter(spec.title());
    if (xr.isEmpty()) {
      Plot.drawNoData(out, spec.title(), spec.xLabel(), spec.yLabel());
      return out.finish();
    }
    Axis x = Axis.linear(xr.padded(), true, 0);
    Axis y = Axis.linear(yr.padded(), true, 0);
    Plot plot = Plot.layout(spec.title(), x, y, 0, INSET, INSET);
    plot.drawFrame(out, spec.title(), spec.xLabel(), spec.yLabel());

    List<Legend.Entry> key = new ArrayList<>();
    // A requested line that misses the plot still gets its key entry, marked, so that its absence
    // is not mistaken for a rendering bug.
    if (spec.identity()) {
      boolean drawn = drawLine(out, plot, new Line(1, 0), "identity", Palette.REFERENCE, "6 4");
      String name = drawn ? "y = x" : "y = x (outside the plot)";
      key.add(new Legend.Entry(name, Palette.REFERENCE, "6 4", false));
    }
    Line fit = spec.fit();
    if (fit != null && fit.isFinite()) {
      boolean drawn = drawLine(out, plot, fit, "fit", Palette.VERMILLION, null);
      String name = "fit: " + equation(fit) + (drawn ? "" : " (outside the plot)");
      key.add(new Legend.Entry(name, Palette.VERMILLION, null, false));
    }
    drawPoints(out, plot, spec.points());
    if (!key.isEmpty()) {
      double maxHeight = plot.bottom - plot.top - 16;
      Legend.draw(out, plot.left + 8, plot.top + 8, maxHeight, key, Legend.Placement.OVER);
    }
    return out.finish();
  }

  /** "y = 0.91x + 0.12", "y = -2x - 3.5". */
  static String equation(Line line) {
    String intercept =
        line.intercept() < 0
            ? " - " + Num.compact(-line.intercept())
            : " + " + Num.compact(line.intercept());
    return "y = " + Num.compact(line.slope()) + "x" + intercept;
  }

  /** Draws the part of {@code line} inside the plot; false if there is none. */
  private static boolean drawLine(
      SvgWriter out, Plot plot, Line line, String cssClass, String color, String dash) {
    double[] segment = plot.clip(line);
    if (segment == null) {
      return false;
    }
    out.line(segment[0], segment[1], segment[2], segment[3])
        .attr("class", cssClass)
        .attr("stroke", color)
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", dash)
        .empty();
    return true;
  }

  /** Markers first, then labels, so no marker covers a label. */
  private static void drawPoints(SvgWriter out, Plot plot, List<Point> points) {
    out.group("points").attr("fill", Palette.BLUE).attr("fill-opacity", "0.8").open();
    for (Point p : points) {
      if (!p.isFinite()) {
        continue;
      }
      String values = "x = " + Num.compact(p.x()) + ", y = " + Num.compact(p.y());
      out.element("circle")
          .attr("class", "point")
          .attr("cx", plot.px(p.x()))
          .attr("cy", plot.py(p.y()))
          .attr("r", 4)
          .attr("stroke", "#ffffff")
          .attr("stroke-width", 0.75)
          .tooltip(p.hasLabel() ? p.label() + ": " + values : values);
    }
    out.close("g");
    PointLabels.draw(out, plot, points);
  }
}
