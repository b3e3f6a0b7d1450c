package io.s2l.worker.kubernetes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A run directory made ready for one attempt (docs/trainer-contract.md section 1): it exists on the
 * artifact store with {@code spec.json} written and an empty output directory. All paths are
 * absolute and lie under the artifact store, which the trainer pod mounts at the same path.
 *
 * @param directory the run directory: the pod's working directory and its only writable place
 * @param specFile {@code spec.json} in it
 * @param outputDirectory the spec's {@code outputDir}, where the trainer writes its outputs
 * @param deadline the spec's {@code deadline}: the Job is stopped by Kubernetes after it
 */
public record PreparedRun(Path directory, Path specFile, Path outputDirectory, Instant deadline) {

  public PreparedRun {
    Objects.requireNonNull(deadline, "deadline");
    for (Path path : new Path[] {directory, specFile, outputDirectory}) {
      if (path == null || !path.isAbsolute()) {
        throw new IllegalArgumentException("run paths must be absolute, not " + path);
      }
    }
  }

  /** The trainer's {@code HOME}: inside the run directory, as the contract says. */
  public Path home() {
    return directory.resolve("home");
  }

  /** The trainer's {@code TMPDIR}: inside the run directory, as the contract says. */
  public Path tmp() {
    return directory.resolve("tmp");
  }
}
