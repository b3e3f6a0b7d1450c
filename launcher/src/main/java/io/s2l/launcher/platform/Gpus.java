package io.s2l.launcher.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The GPUs of this machine, as {@code nvidia-smi -L} lists them, so that the platform starts one
 * trainer worker per GPU, each seeing only its own ({@code CUDA_VISIBLE_DEVICES}). A machine
 * without the NVIDIA driver has none.
 */
final class Gpus {

  private Gpus() {}

  /** How many GPUs {@code nvidia-smi -L} lists; 0 when it is missing or fails. */
  static int count() {
    try {
      Process p =
          new ProcessBuilder("nvidia-smi", "-L")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return 0;
      }
      return count(listing);
    } catch (IOException e) {
      return 0; // no driver here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** The GPUs in a listing: its lines that start with "GPU ". */
  static int count(String listing) {
    return (int) listing.lines().filter(l -> l.startsWith("GPU ")).count();
  }

  /**
   * {@code CUDA_VISIBLE_DEVICES} of worker {@code i} (from 0): GPU i for the first {@code gpus}
   * workers, none (an empty list hides every GPU) for the rest.
   */
  static String visibleDevices(int worker, int gpus) {
    return worker < gpus ? Integer.toString(worker) : "";
  }

  static List<String> describe(int gpus) {
    return gpus == 0 ? List.of() : List.of(gpus + " GPU(s): one trainer worker per GPU");
  }
}
