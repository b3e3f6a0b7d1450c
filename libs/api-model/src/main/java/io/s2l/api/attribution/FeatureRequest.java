package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code POST /api/v1/studies/{id}/features} featurises: one trained classifier of an
 * attribution study.
 *
 * @param run the trained model, {@code scale/distribution/seed}
 * @param examples {@code train} or {@code test}
 * @param dimension k, the dimension the gradients are projected to
 * @param projectionSeed the seed of the random projection
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // what is left out takes the service's default
public record FeatureRequest(String run, String examples, Integer dimension, Long projectionSeed) {}
