package io.s2l.attribution;

import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_full;

/**
 * The OpenBLAS library (bytedeco presets) that {@link Trak} runs on. Its thread count defaults to
 * OpenBLAS's own: the {@code OPENBLAS_NUM_THREADS} environment variable when set, else the number
 * of CPUs. {@link #setThreads} changes it for the whole process.
 */
public final class OpenBlas {

  private OpenBlas() {}

  /** Number of threads OpenBLAS uses per call. Loads the native library on first use. */
  public static int threads() {
    return openblas_full.openblas_get_num_threads();
  }

  /**
   * Sets the number of threads OpenBLAS uses per call, process-wide ({@code
   * openblas_set_num_threads}).
   *
   * @throws IllegalArgumentException if threads &lt; 1
   */
  public static void setThreads(int threads) {
    Checks.positive("threads", threads);
    openblas.blas_set_num_threads(threads);
  }

  /** OpenBLAS's build configuration and the CPU core type it selected, e.g. for benchmark logs. */
  public static String describe() {
    return openblas_full.openblas_get_config().getString()
        + ", core "
        + openblas_full.openblas_get_corename().getString();
  }
}
