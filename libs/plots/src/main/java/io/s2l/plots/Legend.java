package io.s2l.plots;

import java.util.List;

/**
 * A legend: one row per entry with a line swatch (and a marker for series drawn with markers) and
 * the entry's name, clipped to {@code maxChars} with the full name as a tooltip. Rows that do not
 * fit the available height are summarised as "+ N more".
 */
final class Legend {

  /** One row: name, stroke colour, stroke-dasharray (null for solid), whether to show a marker. */
  record Entry(String name, String color, String dash, boolean marker) {}

  /**
   * Beside the plot (series names, clipped short to leave room for the data) or boxed over it on a
   * translucent background (a scatter key, whose fit equation needs more room).
   */
  enum Placement {
    BESIDE(24, false),
    OVER(48, true);

    final int maxChars;
    final boolean boxed;

    Placement(int maxChars, boolean boxed) {
      this.maxChars = maxChars;
      this.boxed = boxed;
    }
  }

  private static final double ROW = 18;
  private static final double FONT = 12;
  private static final double SWATCH = 22;
  private static final double PAD = 6;

  private Legend() {}

  static double width(List<Entry> entries, Placement placement) {
    int maxChars = placement.maxChars;
    double widest = 0;
    for (Entry entry : entries) {
      widest = Math.max(widest, Text.width(Text.clip(entry.name(), maxChars), FONT));
    }
    return PAD + SWATCH + PAD + widest + PAD;
  }

  /** Draws the legend with its top-left corner at (x, y), at most {@code maxHeight} tall. */
  static void draw(
      SvgWriter out,
      double x,
      double y,
      double maxHeight,
      List<Entry> entries,
      Placement placement) {
    int maxChars = placement.maxChars;
    int fits = Math.max(1, (int) ((maxHeight - 2 * PAD) / ROW));
    int shown = entries.size() <= fits ? entries.size() : fits - 1;
    int rows = shown < entries.size() ? shown + 1 : shown;
    out.group("legend").attr("font-size", FONT).attr("fill", Plot.INK).open();
    if (placement.boxed) {
      out.element("rect")
          .attr("x", x)
          .attr("y", y)
          .attr("width", width(entries, placement))
          .attr("height", rows * ROW + PAD)
          .attr("rx", 3)
          .attr("fill", "#ffffff")
          .attr("fill-opacity", "0.85")
          .attr("stroke", "#dddddd")
          .empty();
    }
    double textX = x + 2 * PAD + SWATCH;
    for (int i = 0; i < shown; i++) {
      Entry entry = entries.get(i);
      double cy = y + PAD / 2 + ROW * i + ROW / 2;
      out.element("g").open();
      out.element("title").text(entry.name());
      out.line(x + PAD, cy, x + PAD + SWATCH, cy)
          .attr("stroke", entry.color())
          .attr("stroke-width", 2)
          .attr("stroke-dasharray", entry.dash())
          .empty();
      if (entry.marker()) {
        out.element("circle")
            .attr("cx", x + PAD + SWATCH / 2)
            .attr("cy", cy)
            .attr("r", 3.5)
            .attr("fill", entry.color())
            .attr("stroke", "#ffffff")
            .empty();
      }
      out.element("text")
          .attr("x", textX)
          .attr("y", cy + 4)
          .text(Text.clip(entry.name(), maxChars));
      out.close("g");
    }
    if (shown < entries.size()) {
      double cy = y + PAD / 2 + ROW * shown + ROW / 2;
      out.element("text")
          .attr("x", textX)
          .attr("y", cy + 4)
          .attr("fill", Plot.MUTED)
          .text("+ " + (entries.size() - shown) + " more");
    }
    out.close("g");
  }
}
