package io.s2l.plots;

/**
 * The layout of one chart: the plot rectangle inside the 720 x 440 view box, the mapping from data
 * to pixels, and the parts every chart shares (title, grid, ticks, axis labels).
 *
 * <p>Data are mapped to the rectangle shrunk by an inset, so that markers at the edge of the domain
 * are not cut in half by the axes; the grid and axes span the whole rectangle.
 */
final class Plot {

  static final double WIDTH = 720;
  static final double HEIGHT = 440;
  static final String INK = "#333333";
  static final String MUTED = "#555555";
  private static final String GRID = "#e6e6e6";
  private static final String MINOR_GRID = "#f3f3f3";
  private static final String AXIS = "#999999";
  private static final double TICK = 5;
  private static final double TICK_FONT = 11;
  private static final double TITLE_FONT = 16;
  private static final double AXIS_FONT = 12;

  final double left;
  final double top;
  final double right;
  final double bottom;
  private final Axis x;
  private final Axis y;
  private final double insetX;
  private final double insetY;

  private Plot(Axis x, Axis y, double[] box, double insetX, double insetY) {
    this.x = x;
    this.y = y;
    this.left = box[0];
    this.top = box[1];
    this.right = box[2];
    this.bottom = box[3];
    this.insetX = insetX;
    this.insetY = insetY;
  }

  /**
   * Leaves room for the title, the y tick labels (measured), the x tick and axis labels and, when
   * {@code legendWidth > 0}, a legend column on the right.
   */
  static Plot layout(
      String title, Axis x, Axis y, double legendWidth, double insetX, double insetY) {
    double top = Text.isBlank(title) ? 20 : 48;
    double left = Math.max(56, 34 + Text.width(y.widestLabel(), TICK_FONT) + TICK + 4);
    double right = WIDTH - 24 - (legendWidth > 0 ? legendWidth + 12 : 0);
    double bottom = HEIGHT - 52;
    return new Plot(x, y, new double[] {left, top, right, bottom}, insetX, insetY);
  }

  double px(double v) {
    return left + insetX + x.fraction(v) * (right - left - 2 * insetX);
  }

  double py(double v) {
    return bottom - insetY - y.fraction(v) * (bottom - top - 2 * insetY);
  }

  /** Title, grid, axis lines, ticks with their labels and the axis labels. */
  void drawFrame(SvgWriter out, String title, String xLabel, String yLabel) {
    drawTitle(out, title);
    out.group("grid").attr("shape-rendering", "crispEdges").open();
    x.minor().forEach(v -> out.line(px(v), top, px(v), bottom).attr("stroke", MINOR_GRID).empty());
    x.ticks().forEach(v -> out.line(px(v), top, px(v), bottom).attr("stroke", GRID).empty());
    y.ticks().forEach(v -> out.line(left, py(v), right, py(v)).attr("stroke", GRID).empty());
    out.close("g");

    out.group("axes").attr("stroke", AXIS).attr("shape-rendering", "crispEdges").open();
    out.line(left, bottom, right, bottom).empty();
    out.line(left, top, left, bottom).empty();
    x.minor().forEach(v -> out.line(px(v), bottom, px(v), bottom + TICK / 2).empty());
    x.ticks().forEach(v -> out.line(px(v), bottom, px(v), bottom + TICK).empty());
    y.ticks().forEach(v -> out.line(left - TICK, py(v), left, py(v)).empty());
    out.close("g");

    out.group("tick-labels").attr("font-size", TICK_FONT).attr("fill", MUTED).open();
    for (int i = 0; i < x.ticks().size(); i++) {
      out.element("text")
          .attr("x", px(x.ticks().get(i)))
          .attr("y", bottom + TICK + 13)
          .attr("text-anchor", "middle")
          .text(x.labels().get(i));
    }
    for (int i = 0; i < y.ticks().size(); i++) {
      out.element("text")
          .attr("x", left - TICK - 4)
          .attr("y", py(y.ticks().get(i)) + 4)
          .attr("text-anchor", "end")
          .text(y.labels().get(i));
    }
    out.close("g");
    drawAxisLabels(out, xLabel, yLabel, new double[] {left, top, right, bottom});
  }

  /** The chart for nothing to plot: title, an empty frame saying "no data", axis labels. */
  static void drawNoData(SvgWriter out, String title, String xLabel, String yLabel) {
    drawTitle(out, title);
    double top = Text.isBlank(title) ? 20 : 48;
    double left = 56;
    double right = WIDTH - 24;
    double bottom = HEIGHT - 52;
    out.element("rect")
        .attr("x", left)
        .attr("y", top)
        .attr("width", right - left)
        .attr("height", bottom - top)
        .attr("fill", "#fafafa")
        .attr("stroke", "#dddddd")
        .empty();
    out.element("text")
        .attr("class", "no-data")
        .attr("x", (left + right) / 2)
        .attr("y", (top + bottom) / 2 + 5)
        .attr("text-anchor", "middle")
        .attr("font-size", 14)
        .attr("fill", "#888888")
        .text("no data");
    drawAxisLabels(out, xLabel, yLabel, new double[] {left, top, right, bottom});
  }

  /**
   * The part of the infinite line inside the plot rectangle as pixel end points {x1, y1, x2, y2},
   * or null if it misses the rectangle. Both axes must be linear, so the line stays straight in
   * pixels; it is clipped there with Liang-Barsky, which needs no SVG clip path (clip path ids
   * would collide when several charts are inlined into one HTML page).
   */
  double[] clip(Line line) {
    double x0 = px(x.lo());
    double y0 = py(line.at(x.lo()));
    double dx = px(x.hi()) - x0;
    double dy = py(line.at(x.hi())) - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - left, right - x0, y0 - top, bottom - y0};
    double t0 = Double.NEGATIVE_INFINITY;
    double t1 = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return null;
        }
      } else if (p[i] < 0) {
        t0 = Math.max(t0, q[i] / p[i]);
      } else {
        t1 = Math.min(t1, q[i] / p[i]);
      }
    }
    if (!(t0 < t1) || !Double.isFinite(t0) || !Double.isFinite(t1)) {
      return null;
    }
    return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
  }

  private static void drawTitle(SvgWriter out, String title) {
    if (Text.isBlank(title)) {
      return;
    }
    out.element("text")
        .attr("class", "chart-title")
        .attr("x", 16)
        .attr("y", 28)
        .attr("font-size", TITLE_FONT)
        .attr("font-weight", "600")
        .attr("fill", "#222222")
        .text(Text.clip(title.strip(), WIDTH - 32, TITLE_FONT));
  }

  /** Axis labels centred on the plot rectangle {@code box} = {left, top, right, bottom}. */
  private static void drawAxisLabels(SvgWriter out, String xLabel, String yLabel, double[] box) {
    if (!Text.isBlank(xLabel)) {
      out.element("text")
          .attr("x", (box[0] + box[2]) / 2)
          .attr("y", HEIGHT - 12)
          .attr("text-anchor", "middle")
          .attr("fill", INK)
          .text(Text.clip(xLabel.strip(), box[2] - box[0], AXIS_FONT));
    }
    if (!Text.isBlank(yLabel)) {
      String cy = Num.coord((box[1] + box[3]) / 2);
      out.element("text")
          .attr("x", 18)
          .attr("y", cy)
          .attr("transform", "rotate(-90 18 " + cy + ")")
          .attr("text-anchor", "middle")
          .attr("fill", INK)
          .text(Text.clip(yLabel.strip(), box[3] - box[1], AXIS_FONT));
    }
  }
}
