package io.s2l.experiment.pipeline;

import io.s2l.study.StudyDefinition;

/**
 * The life of one kind of study, read off the queue: each reconciliation moves an active study
 * along (QUEUED, TRAINING, ANALYZING, then COMPLETED or FAILED) and queues the jobs of its next
 * stage. Reconciling must be idempotent: several instances may run it; the study's row lock, held
 * by the caller, runs them one at a time, and the queue's unique job key keeps one outcome.
 */
interface StudyPipeline {

  /** Whether this pipeline runs studies of this definition; exactly one pipeline does. */
  boolean handles(StudyDefinition definition);

  /** Moves the study as far as its jobs allow, in the caller's transaction. */
  void reconcile(ActiveStudy active);
}
