package io.s2l.classifier;

import ai.djl.engine.Engine;
import io.s2l.djl.PyTorchEngine;

/** The PyTorch engine for classifiers: {@link PyTorchEngine}, under this module's name. */
public final class ClassifierEngine {

  private ClassifierEngine() {}

  public static Engine start(int threads) {
    return PyTorchEngine.start(threads);
  }
}
