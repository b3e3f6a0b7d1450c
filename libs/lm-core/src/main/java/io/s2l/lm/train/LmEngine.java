package io.s2l.lm.train;

import ai.djl.engine.Engine;
import io.s2l.djl.PyTorchEngine;

/** The PyTorch engine for language models: {@link PyTorchEngine}, under this module's name. */
public final class LmEngine {

  private LmEngine() {}

  public static Engine start(int threads) {
    return PyTorchEngine.start(threads);
  }
}
