package io.s2l.stats.study;

import io.s2l.stats.Interval;

/**
 * Per-example scale correlation (docs/science.md section 2.4). For each example z, with x_k(z) the
 * seed-averaged proxy loss on z after training on D_k and y_k(z) the reference's,
 *
 * <pre>
 *   r_z   = sum_k (x_k(z) - mean_k x(z)) (y_k(z) - mean_k y(z))
 *           / sqrt( sum_k (x_k(z) - mean_k x(z))^2 * sum_k (y_k(z) - mean_k y(z))^2 )
 *   R^2_z = r_z^2          signed R^2_z = sign(r_z) r_z^2
 * </pre>
 *
 * R^2_z alone cannot tell an example the proxy orders backwards (r_z = -1) from one it orders right
 * (r_z = 1); the signed mean and the share of r_z &gt; 0 can.
 *
 * <p>An example whose x_k(z) or y_k(z) are all equal (zero variance) has no correlation and is left
 * out of every summary below.
 *
 * @param examples examples in the evaluation set
 * @param defined examples with a defined r_z (non-zero variance on both sides)
 * @param quantileLevels the levels q of {@code quantiles}: 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95
 * @param quantiles the q-quantiles of R^2_z, linear interpolation (numpy.quantile's default); NaN
 *     when no example is defined
 * @param mean mean of R^2_z over defined examples (NaN if none)
 * @param meanCi95 percentile bootstrap interval of that mean, resampling the defined examples
 * @param signedMean mean of sign(r_z) R^2_z over defined examples, in [-1, 1] (NaN if none)
 * @param fractionPositiveR share of defined examples with r_z &gt; 0
 * @param fractionR2Above05 share of defined examples with R^2_z &gt; 0.5
 * @param histogram R^2_z in equal bins over [0, 1]
 * @param nullMeanR2 E[R^2_z] = 1 / (K - 1) for an example whose proxy and reference losses are
 *     unrelated (section 2.10, {@link io.s2l.stats.NullR2}): the level {@code mean} must clear to
 *     mean anything
 * @param nullR2Quantile95 the 0.95-quantile of R^2_z under no relation, Beta(1/2, (K - 2)/2)
 */
public record PerExampleR2(
    int examples,
    int defined,
    double[] quantileLevels,
    double[] quantiles,
    double mean,
    Interval meanCi95,
    double signedMean,
    double fractionPositiveR,
    double fractionR2Above05,
    Histogram histogram,
    double nullMeanR2,
    double nullR2Quantile95) {}
