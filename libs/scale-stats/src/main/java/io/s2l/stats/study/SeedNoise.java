package io.s2l.stats.study;

/**
 * Seed noise against distribution spread (docs/science.md section 2.6): a scale cannot rank
 * distributions whose gaps are inside its seed noise. With m_{k,r} the mean loss of the run on
 * distribution k with seed r and x_k = mean_r m_{k,r}:
 *
 * <pre>
 *   noise  = (1/K) sum_k sd_r(m_{k,r})       sd with ddof = 1 (R - 1 in the denominator)
 *   spread = sd_k(x_k)                       ddof = 1
 * </pre>
 *
 * @param proxyNoise noise of the proxy
 * @param proxySpread spread of the proxy's seed-averaged means
 * @param referenceNoise noise of the reference
 * @param referenceSpread spread of the reference's seed-averaged means
 */
public record SeedNoise(
    double proxyNoise, double proxySpread, double referenceNoise, double referenceSpread) {}
