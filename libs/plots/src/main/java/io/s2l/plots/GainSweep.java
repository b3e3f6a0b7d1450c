package io.s2l.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plot of a selection-size sweep: the gain of each selection method over random selections
 * against the selection size, one line per method (per DsDm proxy, and the similarity baseline),
 * each point with its interval as an error bar, and a dashed line at zero gain. Drawn by {@link
 * Svg#lines(LineSpec)} on a logarithmic size axis.
 */
public final class GainSweep {

  private GainSweep() {}

  /**
   * One verified selection.
   *
   * @param line the method's line, e.g. "DsDm (proxy s)" or "similarity"
   * @param size the selection size, positive
   * @param gain its gain over random
   * @param low lower end of the gain's interval (NaN for none)
   * @param high upper end of the gain's interval (NaN for none)
   */
  public record Entry(String line, double size, double gain, double low, double high) {}

  /**
   * The chart: lines in order of first appearance, points of a line in increasing size.
   *
   * @param yLabel what the gain is, with its unit
   */
  public static LineSpec spec(String title, String yLabel, List<Entry> entries) {
    Map<String, List<Entry>> byLine = new LinkedHashMap<>();
    for (Entry e : entries) {
      byLine.computeIfAbsent(e.line(), k -> new ArrayList<>()).add(e);
    }
    List<Series> series = new ArrayList<>();
    for (Map.Entry<String, List<Entry>> line : byLine.entrySet()) {
      List<Entry> sorted =
          line.getValue().stream().sorted(Comparator.comparingDouble(Entry::size)).toList();
      series.add(
          new Series(
              line.getKey(),
              sorted.stream().map(e -> new Point(e.size(), e.gain(), line.getKey())).toList(),
              sorted.stream().mapToDouble(Entry::low).toArray(),
              sorted.stream().mapToDouble(Entry::high).toArray()));
    }
    return new LineSpec(title, "selection size (pool documents)", yLabel, true, series, 0.0);
  }

  /** The chart as SVG. */
  public static String svg(String title, String yLabel, List<Entry> entries) {
    return Svg.lines(spec(title, yLabel, entries));
  }
}
