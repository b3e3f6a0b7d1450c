package io.s2l.stats.study;

/**
 * Counts of values in equal bins, numpy.histogram(values, bins, range=(lo, hi)) semantics: bin i
 * holds edges[i] &lt;= v &lt; edges[i + 1], the last bin also v = edges[bins].
 *
 * @param edges bins + 1 ascending edges, edges[i] = lo + i (hi - lo) / bins, the last exactly hi
 * @param counts number of values per bin
 */
public record Histogram(double[] edges, long[] counts) {}
