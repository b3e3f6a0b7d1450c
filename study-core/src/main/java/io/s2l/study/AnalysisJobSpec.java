package io.s2l.study;

import java.util.List;
import java.util.UUID;

/**
 * The payload of a study's analysis job, queued when all its training jobs succeeded.
 *
 * @param studyId the study
 * @param referenceScale the scale every proxy is compared with
 * @param scales every scale, reference included
 * @param distributions names of the training distributions
 * @param evalSets evaluation sets
 * @param seeds training seeds (losses are averaged over them)
 */
public record AnalysisJobSpec(
    UUID studyId,
    String referenceScale,
    List<String> scales,
    List<String> distributions,
    List<String> evalSets,
    List<Long> seeds) {}
