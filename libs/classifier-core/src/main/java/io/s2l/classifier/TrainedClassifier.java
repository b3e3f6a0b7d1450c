package io.s2l.classifier;

import ai.djl.Model;

/** A trained classifier, open for evaluation; closing it frees its native memory. */
public record TrainedClassifier(Model model, ImageClassifier network, ClassifierStats stats)
    implements AutoCloseable {

  @Override
  public void close() {
    model.close();
  }
}
