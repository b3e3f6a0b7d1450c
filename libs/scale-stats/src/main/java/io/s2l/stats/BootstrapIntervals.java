package io.s2l.stats;

import java.util.Map;

/**
 * The percentile intervals of a {@link ScaleCorrelationBootstrap} and how many resamples each had
 * to leave out.
 *
 * @param intervals each statistic's percentile interval, keys in the order of {@link
 *     ScaleCorrelationBootstrap#STATISTICS}
 * @param dropped for each statistic, same keys, the number of the B resamples on which it was
 *     undefined (NaN: a constant side, e.g. every draw the same distribution) and which its
 *     interval therefore skips; the interval rests on B - dropped replicates
 */
public record BootstrapIntervals(Map<String, Interval> intervals, Map<String, Integer> dropped) {}
