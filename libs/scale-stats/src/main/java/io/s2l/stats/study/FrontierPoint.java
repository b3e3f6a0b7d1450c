package io.s2l.stats.study;

/**
 * One proxy scale on the compute vs metric frontier of {@link Recommendation}.
 *
 * @param proxyScale the proxy
 * @param computeRatio C_ref / C_proxy: how many times cheaper a proxy run is
 * @param proxyFlops training compute of one proxy run
 * @param meanValue mean over evaluation sets of the metric's point estimate
 * @param minLowerBound minimum over evaluation sets of the metric's lower confidence bound (NaN if
 *     any bound is undefined)
 * @param clears whether the lower bound reaches the threshold on every evaluation set, with Pearson
 *     r and its lower bound above 0 on each, in a study with enough distributions
 */
public record FrontierPoint(
    String proxyScale,
    double computeRatio,
    double proxyFlops,
    double meanValue,
    double minLowerBound,
    boolean clears) {}
