package io.s2l.classifier;

/** Called after every optimiser step; the worker heartbeats and reports progress from here. */
@FunctionalInterface
public interface ClassifierProgress {

  /** Reports nothing. */
  ClassifierProgress NONE = (step, totalSteps, loss) -> {};

  /**
   * @param step steps done, from 1
   * @param totalSteps {@code epochs x ceil(subset size / batch size)}
   * @param loss mean cross-entropy of this step's batch, in nats
   */
  void onStep(long step, long totalSteps, float loss);
}
