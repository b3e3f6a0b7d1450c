package io.s2l.plots;

import java.util.List;

/** One series of a line chart: error bars, then the path, then markers with tooltips. */
final class SeriesDrawing {

  private static final double CAP = 3.5;

  private SeriesDrawing() {}

  static void draw(SvgWriter out, Plot plot, Series series, Legend.Entry style) {
    List<Point> points = series.points();
    if (points.stream().noneMatch(Point::isFinite)) {
      return;
    }
    double[] low = series.low();
    double[] high = series.high();
    out.group("series-group").attr("stroke", style.color()).attr("fill", style.color()).open();
    drawErrorBars(out, plot, points, low, high);

    StringBuilder d = new StringBuilder();
    for (Point p : points) {
      if (p.isFinite()) {
        d.append(d.length() == 0 ? "M" : " L");
        d.append(Num.coord(plot.px(p.x()))).append(' ').append(Num.coord(plot.py(p.y())));
      }
    }
    out.element("path")
        .attr("class", "series")
        .attr("d", d.toString())
        .attr("fill", "none")
        .attr("stroke-width", 2)
        .attr("stroke-linejoin", "round")
        .attr("stroke-linecap", "round")
        .attr("stroke-dasharray", style.dash())
        .tooltip(style.name());

    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      if (!p.isFinite()) {
        continue;
      }
      out.element("circle")
          .attr("class", "point")
          .attr("cx", plot.px(p.x()))
          .attr("cy", plot.py(p.y()))
          .attr("r", 3.5)
          .attr("stroke", "#ffffff")
          .attr("stroke-width", 1)
          .tooltip(tooltip(style.name(), p, Series.end(low, i), Series.end(high, i)));
    }
    out.close("g");
  }

  /** "web-en (1M): x = 1000000, y = 3.21, low 3.1, high 3.3". */
  static String tooltip(String name, Point p, double low, double high) {
    StringBuilder text = new StringBuilder(name);
    if (p.hasLabel()) {
      text.append(" (").append(p.label().strip()).append(')');
    }
    text.append(": x = ").append(Num.compact(p.x())).append(", y = ").append(Num.compact(p.y()));
    if (Double.isFinite(low)) {
      text.append(", low ").append(Num.compact(low));
    }
    if (Double.isFinite(high)) {
      text.append(", high ").append(Num.compact(high));
    }
    return text.toString();
  }

  /**
   * A vertical bar with caps from low to high at each finite point; a missing (null or NaN) end is
   * replaced by the point itself, so a one-sided interval draws a one-sided bar.
   */
  private static void drawErrorBars(
      SvgWriter out, Plot plot, List<Point> points, double[] low, double[] high) {
    if (low == null && high == null) {
      return;
    }
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double lo = Series.end(low, i);
      double hi = Series.end(high, i);
      if (!p.isFinite() || (!Double.isFinite(lo) && !Double.isFinite(hi))) {
        continue;
      }
      double x = plot.px(p.x());
      double y1 = plot.py(Double.isFinite(lo) ? lo : p.y());
      double y2 = plot.py(Double.isFinite(hi) ? hi : p.y());
      out.group("error-bar").attr("stroke-width", 1.25).open();
      out.line(x, y1, x, y2).empty();
      out.line(x - CAP, y1, x + CAP, y1).empty();
      out.line(x - CAP, y2, x + CAP, y2).empty();
      out.close("g");
    }
  }
}
