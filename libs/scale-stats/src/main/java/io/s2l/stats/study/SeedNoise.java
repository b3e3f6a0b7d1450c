package io.s2l.stats.study;

/**
 * Seed noise against distribution spread (docs/science.md section 2.6): a scale cannot rank
 * distributions whose gaps are inside its seed noise. With m_{k,r} the mean loss of the run on
 * distribution k with seed r and x_k = mean_r m_{k,r}:
 *
 * <pre>
 *   noise  = (1/K) sum_k sd_r(m_{k,r})       sd with ddof = 1 (R - 1 in the denominator)
 *   spread = sd_k(x_k)                       ddof = 1
 *   snr    = spread / noise                  NaN when noise = 0
 * </pre>
 *
 * snr is the signal-to-noise ratio of Heineman et al. 2025 ("Signal and Noise: A Framework for
 * Reducing Uncertainty in Language Model Evaluation", Ai2), here with loss as the score: how many
 * seed standard deviations the distributions' means are apart (section 2.6).
 *
 * @param proxyNoise noise of the proxy
 * @param proxySpread spread of the proxy's seed-averaged means
 * @param referenceNoise noise of the reference
 * @param referenceSpread spread of the reference's seed-averaged means
 * @param proxySnr proxySpread / proxyNoise
 * @param referenceSnr referenceSpread / referenceNoise
 */
public record SeedNoise(
    double proxyNoise,
    double proxySpread,
    double referenceNoise,
    double referenceSpread,
    double proxySnr,
    double referenceSnr) {

  /** The four measures and the two ratios they give. */
  static SeedNoise of(
      double proxyNoise, double proxySpread, double referenceNoise, double referenceSpread) {
    return new SeedNoise(
        proxyNoise,
        proxySpread,
        referenceNoise,
        referenceSpread,
        ratio(proxySpread, proxyNoise),
        ratio(referenceSpread, referenceNoise));
  }

  private static double ratio(double spread, double noise) {
    return noise > 0 ? spread / noise : Double.NaN;
  }
}
