package io.s2l.plots;

/** Draws a {@link HistogramSpec}; see {@link Svg#histogram(HistogramSpec)}. */
final class HistogramChart {

  private static final String Y_LABEL = "count";

  private HistogramChart() {}

  static String render(HistogramSpec spec) {
    double[] edges = Check.notNull(spec.edges(), "edges");
    long[] counts = Check.notNull(spec.counts(), "counts");
    validate(edges, counts);
    SvgWriter out = new SvgWriter(spec.title());
    if (counts.length == 0) {
      Plot.drawNoData(out, spec.title(), spec.xLabel(), Y_LABEL);
      return out.finish();
    }
    long max = 0;
    for (long c : counts) {
      max = Math.max(max, c);
    }
    Axis x = Axis.linear(new Range(edges[0], edges[edges.length - 1]), false, 0);
    Axis y = Axis.linear(new Range(0, Math.max(1, max)), true, 1);
    // No inset: bars stand on the x axis and the outer bars touch the domain edges.
    Plot plot = Plot.layout(spec.title(), x, y, 0, 0, 0);
    plot.drawFrame(out, spec.title(), spec.xLabel(), Y_LABEL);

    out.group("bars")
        .attr("fill", Palette.SKY_BLUE)
        .attr("stroke", "#ffffff")
        .attr("stroke-width", 1)
        .attr("shape-rendering", "crispEdges")
        .open();
    double base = plot.py(0);
    for (int i = 0; i < counts.length; i++) {
      double left = plot.px(edges[i]);
      double top = plot.py(counts[i]);
      String close = i == counts.length - 1 ? "]" : ")";
      String bin = "[" + Num.compact(edges[i]) + ", " + Num.compact(edges[i + 1]) + close;
      out.element("rect")
          .attr("class", "bar")
          .attr("x", left)
          .attr("y", top)
          .attr("width", plot.px(edges[i + 1]) - left)
          .attr("height", base - top)
          .tooltip(bin + ": " + counts[i]);
    }
    out.close("g");
    return out.finish();
  }

  private static void validate(double[] edges, long[] counts) {
    if (edges.length != counts.length + 1) {
      throw new IllegalArgumentException(
          "edges must have counts.length + 1 = "
              + (counts.length + 1)
              + " values, got "
              + edges.length);
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i])) {
        throw new IllegalArgumentException("edges[" + i + "] is " + edges[i] + ", not finite");
      }
      if (i > 0 && !(edges[i] > edges[i - 1])) {
        throw new IllegalArgumentException(
            "edges must increase strictly, but edges["
                + i
                + "] = "
                + Num.compact(edges[i])
                + " <= edges["
                + (i - 1)
                + "] = "
                + Num.compact(edges[i - 1]));
      }
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("counts[" + i + "] = " + counts[i] + " is negative");
      }
    }
  }
}
