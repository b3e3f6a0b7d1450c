package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The data a selection study chose, before verification; all fields required.
 *
 * @param size pool examples per selection
 * @param targetClasses labels of the target task's test examples; null for all
 * @param signConvention what a positive score means, in words
 * @param selectionTargets test indices that chose the data
 * @param holdoutTargets test indices that verify it
 * @param candidates every selection: DsDm per scale, the similarity baseline, the random draws
 */
public record SelectionPlan(
    @JsonProperty(required = true) Integer size,
    @JsonProperty(required = true) List<Integer> targetClasses,
    @JsonProperty(required = true) String signConvention,
    @JsonProperty(required = true) List<Integer> selectionTargets,
    @JsonProperty(required = true) List<Integer> holdoutTargets,
    @JsonProperty(required = true) List<SelectionCandidate> candidates) {}
