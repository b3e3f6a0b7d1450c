package io.s2l.plots;

/**
 * Renders charts as standalone SVG documents (no XML declaration, so the string can also be inlined
 * into HTML).
 *
 * <p>Every chart has a 720 x 440 view box, a white background, light grid lines at "nice" tick
 * values (steps of 1, 2 or 5 times a power of ten; decades on a logarithmic axis, labelled 1, 10,
 * 100, 1k, 10k, ...), colours from the Okabe-Ito colour-blind-safe palette and a {@code <title>}
 * tooltip on every marker and bar. Elements carry stable {@code class} names ({@code point}, {@code
 * series}, {@code bar}, {@code error-bar}, {@code threshold}, {@code fit}, {@code identity}, {@code
 * legend}) for styling and tests.
 *
 * <p>Degenerate data never throws: with no finite point the chart says "no data", and a single
 * point or a zero range is padded into a visible axis range. Invalid specs throw {@link
 * IllegalArgumentException} naming the problem. The output is deterministic: the same spec gives
 * the same bytes.
 */
public final class Svg {

  private Svg() {}

  /**
   * A scatter plot: one marker per finite point, point labels next to their markers, the fit line
   * (solid, equation in the key) and the identity line y = x (dashed) when requested.
   *
   * @throws IllegalArgumentException if a point is null
   */
  public static String scatter(ScatterSpec spec) {
    return ScatterChart.render(Check.notNull(spec, "spec"));
  }

  /**
   * A line chart: one path per series that has a finite point, markers with tooltips, vertical
   * error bars from {@code low} to {@code high}, a legend for two or more series and the threshold
   * as a labelled dashed horizontal line.
   *
   * @throws IllegalArgumentException if a series or point is null, if {@code low} or {@code high}
   *     does not have one entry per point, or if {@code logX} and a finite point has x &lt;= 0
   */
  public static String lines(LineSpec spec) {
    return LineChart.render(Check.notNull(spec, "spec"));
  }

  /**
   * A histogram: one bar per bin (empty bins are zero-height bars) over a count axis starting at 0.
   * No bins at all gives the "no data" chart.
   *
   * @throws IllegalArgumentException if {@code edges} or {@code counts} is null, if {@code
   *     edges.length != counts.length + 1}, if an edge is not finite or the edges do not increase
   *     strictly, or if a count is negative
   */
  public static String histogram(HistogramSpec spec) {
    return HistogramChart.render(Check.notNull(spec, "spec"));
  }
}
