package io.s2l.djl;

import ai.djl.engine.Engine;

/**
 * The PyTorch engine, configured once per process. Threads must be set before the engine loads: one
 * intra-op thread per worker process is the default, because two single-threaded workers train
 * small models faster than one two-threaded worker.
 */
public final class PyTorchEngine {

  private PyTorchEngine() {}

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
