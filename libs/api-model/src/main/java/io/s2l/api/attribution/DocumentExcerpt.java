package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One pool document with its score for a target; all fields required.
 *
 * @param index the document's position in the pool
 * @param id the document's id in the corpus
 * @param excerpt at most 200 characters of its text, whitespace collapsed, ending in "..." when cut
 * @param score its TRAK score for the target: the predicted change of the target's output when the
 *     document is trained on (positive = helpful)
 */
public record DocumentExcerpt(
    @JsonProperty(required = true) int index,
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String excerpt,
    @JsonProperty(required = true) float score) {}
