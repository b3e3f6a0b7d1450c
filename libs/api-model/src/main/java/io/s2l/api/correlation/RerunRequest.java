package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The options of a re-run ({@code POST /api/v1/studies/{id}/analyses}); each null keeps the
 * service's default.
 *
 * @param metric {@code decisionAccuracy} or {@code r2}
 * @param threshold in (0, 1]
 * @param minDistributions the fewest distributions for a recommendation, 3 to 1000
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // what is left out takes the service's default
public record RerunRequest(String metric, Double threshold, Integer minDistributions) {}
