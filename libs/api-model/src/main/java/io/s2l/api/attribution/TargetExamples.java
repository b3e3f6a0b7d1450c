package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One attribution target with the pool examples that help and harm it most, as served by {@code GET
 * /api/v1/studies/{id}/attribution/targets/{target}}. An image study's has {@code target} and the
 * ranked images; a text study's has {@code target} null, empty {@code helpful} and {@code harmful}
 * lists, and {@code documents}, its ranked pool documents as excerpts.
 *
 * @param scale the scale whose scores ranked the pool
 * @param version the attribution version
 * @param target the test example (images)
 * @param helpful the largest positive scores first
 * @param harmful the most negative scores first
 * @param documents text studies: the target and its most helpful and harmful pool documents; null
 *     for images
 */
public record TargetExamples(
    @JsonProperty(required = true) String scale,
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) ExampleImage target,
    @JsonProperty(required = true) List<ExampleImage> helpful,
    @JsonProperty(required = true) List<ExampleImage> harmful,
    TargetDocuments documents) {}
