package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A text study's attribution target with the pool documents that help and harm it most at one
 * scale; all fields required.
 *
 * @param scale the scale whose TRAK scores ranked the pool
 * @param target the target's score row (its position among the targets)
 * @param targetId the target example's id in the target set
 * @param targetExcerpt the target's text (prompt and answer, or prompt and correct choice), as an
 *     excerpt
 * @param helpful the largest positive scores first
 * @param harmful the most negative scores first
 */
public record TargetDocuments(
    @JsonProperty(required = true) String scale,
    @JsonProperty(required = true) int target,
    @JsonProperty(required = true) String targetId,
    @JsonProperty(required = true) String targetExcerpt,
    @JsonProperty(required = true) List<DocumentExcerpt> helpful,
    @JsonProperty(required = true) List<DocumentExcerpt> harmful) {}
