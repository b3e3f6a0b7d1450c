package io.s2l.classifier;

import ai.djl.engine.Engine;

/**
 * The PyTorch engine, configured once per process (the same settings as lm-core's {@code
 * LmEngine}). Threads must be set before the engine loads: small classifiers train fastest with one
 * intra-op thread per worker process.
 */
public final class ClassifierEngine {

  private ClassifierEngine() {}

  /**
   * Sets PyTorch's thread counts (effective only before the first use of the engine) and loads it.
   */
  public static Engine start(int threads) {
    // Everything s2l needs is on the classpath: never download, never probe cloud metadata.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    return Engine.getEngine("PyTorch");
  }
}
