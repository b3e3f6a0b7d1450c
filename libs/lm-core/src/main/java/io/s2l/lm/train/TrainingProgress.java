package io.s2l.lm.train;

/** Called after every optimiser step; the worker heartbeats and reports progress from here. */
@FunctionalInterface
public interface TrainingProgress {

  /**
   * @param step steps done, from 1
   * @param totalSteps steps the token budget allows
   * @param loss mean training loss of this step, in nats per token
   */
  void onStep(long step, long totalSteps, float loss);
}
