package io.s2l.plots;

import java.util.ArrayList;
import java.util.List;

/**
 * Small point labels next to their markers, with a white halo for legibility. Each label takes the
 * first of four spots (up-right, down-right, up-left, down-left) that stays inside the plot and
 * overlaps no marker and no label placed before it; if every spot collides, the first one inside
 * the plot. Greedy in input order, so the result is deterministic.
 */
final class PointLabels {

  private static final int MAX_CHARS = 32;
  private static final double FONT = 10;
  private static final double GAP = 6;
  private static final double MARKER = 4;

  /** Offsets of the text anchor from the marker: dx sign, baseline dy. */
  private static final double[][] SPOTS = {{1, -GAP}, {1, GAP + 7}, {-1, -GAP}, {-1, GAP + 7}};

  private PointLabels() {}

  /** A screen rectangle. */
  private record Box(double left, double top, double right, double bottom) {
    boolean overlaps(Box o) {
      return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
    }
  }

  static void draw(SvgWriter out, Plot plot, List<Point> points) {
    if (points.stream().noneMatch(p -> p.isFinite() && p.hasLabel())) {
      return;
    }
    List<Box> taken = new ArrayList<>();
    for (Point p : points) {
      if (p.isFinite()) {
        double x = plot.px(p.x());
        double y = plot.py(p.y());
        taken.add(new Box(x - MARKER, y - MARKER, x + MARKER, y + MARKER));
      }
    }
    out.group("point-labels")
        .attr("font-size", FONT)
        .attr("fill", Plot.MUTED)
        .attr("stroke", "#ffffff")
        .attr("stroke-width", 3)
        .attr("stroke-linejoin", "round")
        .attr("paint-order", "stroke")
        .open();
    for (Point p : points) {
      if (p.isFinite() && p.hasLabel()) {
        String label = Text.clip(p.label().strip(), MAX_CHARS);
        double x = plot.px(p.x());
        double y = plot.py(p.y());
        double[] spot = place(plot, x, y, Text.width(label, FONT), taken);
        out.element("text")
            .attr("class", "point-label")
            .attr("x", x + spot[0] * GAP)
            .attr("y", y + spot[1])
            .attr("text-anchor", spot[0] < 0 ? "end" : null)
            .text(label);
      }
    }
    out.close("g");
  }

  /** Picks a spot for a label of {@code width} at marker (x, y) and records its box as taken. */
  private static double[] place(Plot plot, double x, double y, double width, List<Box> taken) {
    double[] fallback = null;
    Box fallbackBox = null;
    for (double[] spot : SPOTS) {
      Box box = box(x, y, width, spot);
      if (box.left() < plot.left || box.right() > plot.right + 20 || box.top() < plot.top - 10) {
        continue;
      }
      if (taken.stream().noneMatch(box::overlaps)) {
        taken.add(box);
        return spot;
      }
      if (fallback == null) {
        fallback = spot;
        fallbackBox = box;
      }
    }
    if (fallback == null) {
      fallback = SPOTS[0];
      fallbackBox = box(x, y, width, fallback);
    }
    taken.add(fallbackBox);
    return fallback;
  }

  private static Box box(double x, double y, double width, double[] spot) {
    double anchor = x + spot[0] * GAP;
    double baseline = y + spot[1];
    double left = spot[0] > 0 ? anchor : anchor - width;
    return new Box(left, baseline - FONT * 0.8, left + width, baseline + FONT * 0.2);
  }
}
