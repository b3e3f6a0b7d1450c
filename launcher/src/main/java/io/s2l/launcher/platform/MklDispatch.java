package io.s2l.launcher.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The trainer workers' MKL dispatch preload ({@code
 * trainer-worker/src/main/c/mkl_intel_dispatch.c}, built by {@code ./s2l} where a C compiler
 * exists): with it, the MKL inside libtorch chooses its kernels from the CPU's feature flags on
 * non-Intel CPUs too. {@code S2L_MKL_INTEL_DISPATCH=0} turns it off.
 */
final class MklDispatch {

  private MklDispatch() {}

  /** The library to preload into trainer workers, if it was built and is not turned off. */
  static Optional<String> preload(Path home) {
    if ("0".equals(System.getenv("S2L_MKL_INTEL_DISPATCH"))) {
      return Optional.empty();
    }
    Path shim =
        home.resolve("trainer-worker").resolve("target").resolve("libmkl_intel_dispatch.so");
    return Files.isRegularFile(shim) ? Optional.of(shim.toString()) : Optional.empty();
  }
}
