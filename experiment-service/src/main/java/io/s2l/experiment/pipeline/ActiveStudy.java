package io.s2l.experiment.pipeline;

import io.s2l.experiment.study.Study;
import io.s2l.study.PlanSummary;
import io.s2l.study.StudyDefinition;
import io.s2l.study.TrainerRef;
import java.util.Map;

/**
 * A study being reconciled, with its stored documents read.
 *
 * @param study the aggregate, loaded in the reconciling transaction
 * @param definition what was submitted
 * @param plan what it resolved to
 * @param trainers the snapshots of the external trainers it uses, by name, taken at submission
 */
record ActiveStudy(
    Study study, StudyDefinition definition, PlanSummary plan, Map<String, TrainerRef> trainers) {}
