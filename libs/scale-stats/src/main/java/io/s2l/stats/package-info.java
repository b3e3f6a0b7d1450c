/**
 * Scale-correlation statistics: how well do proxy-model losses track reference-model losses across
 * training distributions (docs/science.md section 2; Khaddaj, Engstrom, Madry, "Small-to-Large
 * Generalization: Data Influences Models Consistently Across Scale", arXiv 2505.16260).
 *
 * <p>Plain Java, no dependencies. Every entry point validates its input the same way and fails with
 * an {@link java.lang.IllegalArgumentException} whose message says what is wrong:
 *
 * <ul>
 *   <li>{@code x} and {@code y} of different lengths;
 *   <li>fewer than 3 paired points;
 *   <li>a NaN or infinite value (the message names the array and the index).
 * </ul>
 *
 * <p>A statistic that is mathematically undefined for valid input is returned as {@code NaN}, not
 * thrown: Pearson r, Spearman rho, Kendall tau-b and R^2 are {@code NaN} when either side has zero
 * variance (all of its values equal), and decision accuracy is {@code NaN} when the reference ties
 * every pair. Arrays passed in are never modified; results are immutable.
 *
 * <p>Uncertainty: {@link io.s2l.stats.Bootstrap} and {@link io.s2l.stats.ScaleCorrelationBootstrap}
 * give percentile intervals (and how many resamples each statistic dropped as undefined), {@link
 * io.s2l.stats.PermutationTest} one-sided permutation p-values against no relation (section 2.8).
 *
 * <p>A whole study's analysis stops with a {@link java.util.concurrent.CancellationException} when
 * its thread is interrupted, between steps of bounded cost ({@link io.s2l.stats.Interruption}).
 */
package io.s2l.stats;
