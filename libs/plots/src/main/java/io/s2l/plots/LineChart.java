package io.s2l.plots;

import java.util.ArrayList;
import java.util.List;

/** Draws a {@link LineSpec}; see {@link Svg#lines(LineSpec)}. */
final class LineChart {

  /** Pixels between the axes and the outermost markers. */
  private static final double INSET = 10;

  private LineChart() {}

  static String render(LineSpec spec) {
    List<Series> series = spec.series();
    validate(spec);
    Range xr = Range.EMPTY;
    Range yr = Range.EMPTY;
    for (Series s : series) {
      double[] low = s.low();
      double[] high = s.high();
      for (int i = 0; i < s.points().size(); i++) {
        Point p = s.points().get(i);
        if (p.isFinite()) {
          xr = xr.with(p.x());
          yr = yr.with(p.y()).with(Series.end(low, i)).with(Series.end(high, i));
        }
      }
    }
    SvgWriter out = new SvgWriter(spec.title());
    if (xr.isEmpty()) {
      Plot.drawNoData(out, spec.title(), spec.xLabel(), spec.yLabel());
      return out.finish();
    }
    Double threshold = spec.threshold();
    boolean drawThreshold = threshold != null && Double.isFinite(threshold);
    if (drawThreshold) {
      yr = yr.with(threshold);
    }
    Axis x = spec.logX() ? Axis.log(xr.paddedLog()) : Axis.linear(xr.padded(), true, 0);
    Axis y = Axis.linear(yr.padded(), true, 0);
    List<Legend.Entry> legend = legend(series);
    double legendWidth = series.size() > 1 ? Legend.width(legend, Legend.Placement.BESIDE) : 0;
    Plot plot = Plot.layout(spec.title(), x, y, legendWidth, INSET, INSET);
    plot.drawFrame(out, spec.title(), spec.xLabel(), spec.yLabel());

    if (drawThreshold) {
      drawThreshold(out, plot, threshold);
    }
    for (int i = 0; i < series.size(); i++) {
      SeriesDrawing.draw(out, plot, series.get(i), legend.get(i));
    }
    List<Point> all = new ArrayList<>();
    series.forEach(s -> all.addAll(s.points()));
    PointLabels.draw(out, plot, all);
    if (series.size() > 1) {
      Legend.draw(
          out, plot.right + 12, plot.top, plot.bottom - plot.top, legend, Legend.Placement.BESIDE);
    }
    return out.finish();
  }

  private static void validate(LineSpec spec) {
    Check.noNullElements(spec.series(), "series");
    for (int i = 0; i < spec.series().size(); i++) {
      Series s = spec.series().get(i);
      String where = "series[" + i + "] (" + name(s, i) + ")";
      Check.noNullElements(s.points(), where + ".points");
      int n = s.points().size();
      if (s.low() != null && s.low().length != n) {
        throw new IllegalArgumentException(
            where + ": low has " + s.low().length + " values but there are " + n + " points");
      }
      if (s.high() != null && s.high().length != n) {
        throw new IllegalArgumentException(
            where + ": high has " + s.high().length + " values but there are " + n + " points");
      }
      if (spec.logX()) {
        for (int j = 0; j < n; j++) {
          Point p = s.points().get(j);
          if (p.isFinite() && p.x() <= 0) {
            throw new IllegalArgumentException(
                where
                    + ".points["
                    + j
                    + "] has x = "
                    + Num.compact(p.x())
                    + ", but a logarithmic x axis needs x > 0");
          }
        }
      }
    }
  }

  /** The series' name, or "series N" (1-based) when it has none. */
  static String name(Series s, int index) {
    return Text.isBlank(s.name()) ? "series " + (index + 1) : s.name().strip();
  }

  private static List<Legend.Entry> legend(List<Series> series) {
    List<Legend.Entry> entries = new ArrayList<>(series.size());
    for (int i = 0; i < series.size(); i++) {
      String name = name(series.get(i), i);
      entries.add(new Legend.Entry(name, Palette.color(i), Palette.dash(i), true));
    }
    return entries;
  }

  private static void drawThreshold(SvgWriter out, Plot plot, double threshold) {
    double y = plot.py(threshold);
    out.line(plot.left, y, plot.right, y)
        .attr("class", "threshold")
        .attr("stroke", Palette.REFERENCE)
        .attr("stroke-width", 1.25)
        .attr("stroke-dasharray", "6 4")
        .empty();
    out.element("text")
        .attr("class", "threshold-label")
        .attr("x", plot.right - 4)
        .attr("y", y - 5)
        .attr("text-anchor", "end")
        .attr("font-size", 11)
        .attr("fill", Palette.REFERENCE)
        .attr("stroke", "#ffffff")
        .attr("stroke-width", 3)
        .attr("paint-order", "stroke")
        .text("threshold " + Num.compact(threshold));
  }
}
