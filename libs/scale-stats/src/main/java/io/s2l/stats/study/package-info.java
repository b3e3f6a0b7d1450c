/**
 * The scale-correlation analysis of a whole study (docs/science.md section 2): {@link
 * io.s2l.stats.study.LossCube} holds the per-example losses of every (scale, distribution, seed,
 * evaluation set), {@link io.s2l.stats.study.ScaleCorrelationAnalysis#analyze} turns them into one
 * {@link io.s2l.stats.study.ProxyEvalResult} per (proxy scale, evaluation set) and a {@link
 * io.s2l.stats.study.Recommendation}. {@link io.s2l.stats.study.ScaleCorrelationTable} is the
 * older, aggregate-only entry point over {@link io.s2l.stats.study.RunLoss} rows.
 *
 * <p>Plain Java, no dependencies, single-threaded; bad input fails with an {@link
 * java.lang.IllegalArgumentException} that names what is wrong (for a cube, the first missing or
 * inconsistent cell).
 */
package io.s2l.stats.study;
