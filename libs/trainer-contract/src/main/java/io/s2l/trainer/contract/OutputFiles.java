package io.s2l.trainer.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The output files the worker reads: each must be a regular file of the output directory itself,
 * not a link (which could point anywhere, or at a device that never ends), and not larger than its
 * bound.
 */
final class OutputFiles {

  private OutputFiles() {}

  /** {@code outputDir/name}, checked. */
  static Path regular(Path outputDir, String name, long maxBytes) throws ContractViolation {
    Path file = outputDir.resolve(name);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ContractViolation(name + " is missing from the output directory");
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ContractViolation(name + " is not a regular file (a link, directory or device)");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ContractViolation(name + " is unreadable: " + e.getMessage(), e);
    }
    if (size > maxBytes) {
      throw new ContractViolation(
          name + " is " + size + " bytes, more than the " + maxBytes + " bytes it may take");
    }
    return file;
  }
}
