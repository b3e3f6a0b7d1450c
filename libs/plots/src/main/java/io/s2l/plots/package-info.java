/**
 * Server-side charts rendered as standalone SVG strings: a scatter plot with optional fit and
 * identity lines, a line chart with error bars and a threshold, and a histogram. Entry point:
 * {@link io.s2l.plots.Svg}.
 *
 * <p>Plain Java, no dependencies. Output is deterministic (the same spec gives the same bytes), all
 * text is XML-escaped, and a chart with nothing to draw says "no data" instead of failing. Points
 * with a NaN or infinite coordinate are skipped. A spec that cannot be drawn faithfully (a
 * histogram whose edges do not bound its counts, error bars that do not match their points, a
 * non-positive x on a logarithmic axis) is rejected with an {@link
 * java.lang.IllegalArgumentException} whose message names the field and the problem.
 */
package io.s2l.plots;
