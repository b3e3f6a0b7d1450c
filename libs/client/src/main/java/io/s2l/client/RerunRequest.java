package io.s2l.client;

/**
 * The options of a re-run; each null keeps the service's default.
 *
 * @param metric {@code decisionAccuracy} or {@code r2}
 * @param threshold in (0, 1]
 * @param minDistributions the fewest distributions for a recommendation, 3 to 1000
 */
public record RerunRequest(String metric, Double threshold, Integer minDistributions) {}
