package io.s2l.plots;

import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram of pre-binned counts, drawn by {@link Svg#histogram(HistogramSpec)}. Bin i spans
 * [edges[i], edges[i + 1]); the last bin includes its upper edge.
 *
 * @param title chart title; null or blank for none
 * @param xLabel horizontal axis label; null or blank for none (the y axis is labelled "count")
 * @param edges bin edges, finite and strictly increasing, {@code counts.length + 1} of them
 * @param counts non-negative count per bin
 */
public record HistogramSpec(String title, String xLabel, double[] edges, long[] counts) {

  /** Copies the arrays. */
  public HistogramSpec {
    edges = edges == null ? null : edges.clone();
    counts = counts == null ? null : counts.clone();
  }

  /** A copy of the bin edges, or null. */
  @Override
  public double[] edges() {
    return edges == null ? null : edges.clone();
  }

  /** A copy of the counts, or null. */
  @Override
  public long[] counts() {
    return counts == null ? null : counts.clone();
  }

  /** Compares the arrays by content, unlike the record default. */
  @Override
  public boolean equals(Object o) {
    return o instanceof HistogramSpec h
        && Objects.equals(title, h.title)
        && Objects.equals(xLabel, h.xLabel)
        && Arrays.equals(edges, h.edges)
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, xLabel, Arrays.hashCode(edges), Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "HistogramSpec[title=%s, xLabel=%s, edges=%s, counts=%s]"
        .formatted(title, xLabel, Arrays.toString(edges), Arrays.toString(counts));
  }
}
