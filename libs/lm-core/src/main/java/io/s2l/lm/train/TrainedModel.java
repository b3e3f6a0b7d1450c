package io.s2l.lm.train;

import ai.djl.Model;
import io.s2l.lm.model.TransformerLm;

/** A trained model, open for evaluation; closing it frees its native memory. */
public record TrainedModel(Model model, TransformerLm network, TrainingStats stats)
    implements AutoCloseable {

  @Override
  public void close() {
    model.close();
  }
}
