package io.s2l.lm.train;

/**
 * Where and how often a run saves checkpoints; a run that finds a checkpoint there resumes from it.
 *
 * @param store the run's checkpoint directory
 * @param everySteps steps between checkpoints
 */
public record CheckpointPolicy(Checkpoints store, long everySteps) {

  public CheckpointPolicy {
    if (everySteps < 1) {
      throw new IllegalArgumentException("everySteps must be positive");
    }
  }
}
