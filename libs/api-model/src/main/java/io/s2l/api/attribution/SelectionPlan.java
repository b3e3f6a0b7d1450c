package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The data a selection study chose, before verification; all fields but {@code sizes} and {@code
 * targetSet} (written since text studies could select) required.
 *
 * @param size pool examples per selection (the first size of a sweep)
 * @param targetClasses labels of the target task's test examples; null for all
 * @param signConvention what a positive score means, in words
 * @param selectionTargets test indices (target-set indices in a text study) that chose the data
 * @param holdoutTargets test indices (target-set indices in a text study) that verify it
 * @param candidates every selection: per size, DsDm per scale, the similarity baseline, the random
 *     draws
 * @param sizes every selection size (one unless the study sweeps sizes)
 * @param targetSet text studies: the evaluation set of the target task; null for images
 */
public record SelectionPlan(
    @JsonProperty(required = true) Integer size,
    @JsonProperty(required = true) List<Integer> targetClasses,
    @JsonProperty(required = true) String signConvention,
    @JsonProperty(required = true) List<Integer> selectionTargets,
    @JsonProperty(required = true) List<Integer> holdoutTargets,
    @JsonProperty(required = true) List<SelectionCandidate> candidates,
    List<Integer> sizes,
    String targetSet) {}
