package io.s2l.experiment.study;

/**
 * The life of a study.
 *
 * <ul>
 *   <li>{@code QUEUED}: stored and expanded; its training jobs wait on the queue.
 *   <li>{@code TRAINING}: at least one training job has been claimed.
 *   <li>{@code ANALYZING}: every training job succeeded; the analysis job is queued or running.
 *   <li>{@code COMPLETED}: the analysis is stored (terminal).
 *   <li>{@code FAILED}: a job failed for good; {@code failure} says which and why (terminal).
 *   <li>{@code CANCELLED}: cancelled by a user; its jobs were dequeued or stopped (terminal).
 * </ul>
 */
public enum StudyStatus {
  QUEUED,
  TRAINING,
  ANALYZING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /**
   * Whether the study stopped without its result (failed or cancelled): no more work is queued for
   * it. A completed study still has its trained models to featurise.
   */
  public boolean isStopped() {
    return this == FAILED || this == CANCELLED;
  }
}
