package io.s2l.trainer.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The paths in {@code result.json} name files of the output directory: relative, without {@code
 * ..}, existing, and still inside the directory once every link on the way is followed. The worker
 * stores them and later reads the files they name, so a path must not lead it anywhere else.
 */
final class CheckpointPaths {

  private CheckpointPaths() {}

  static void check(Path outputDir, List<String> paths) throws ContractViolation {
    Path root;
    try {
      root = outputDir.toRealPath();
    } catch (IOException e) {
      throw new ContractViolation("the output directory is unreadable: " + e.getMessage(), e);
    }
    for (String path : paths) {
      check(root, path);
    }
  }

  private static void check(Path root, String path) throws ContractViolation {
    String quoted = "path '" + path + "' in result.json";
    if (path.startsWith("/") || path.startsWith("\\")) {
      throw new ContractViolation(quoted + " is absolute; paths are relative to outputDir");
    }
    Path relative;
    try {
      relative = Path.of(path);
    } catch (InvalidPathException e) {
      throw new ContractViolation(quoted + " is not a valid path", e);
    }
    if (relative.isAbsolute()) {
      throw new ContractViolation(quoted + " is absolute; paths are relative to outputDir");
    }
    for (Path part : relative) {
      if (part.toString().equals("..")) {
        throw new ContractViolation(quoted + " contains '..'");
      }
    }
    Path file = root.resolve(relative);
    if (!Files.exists(file)) {
      throw new ContractViolation(quoted + " names no file of outputDir");
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      throw new ContractViolation(quoted + " is unreadable: " + e.getMessage(), e);
    }
    if (!real.startsWith(root)) {
      throw new ContractViolation(quoted + " resolves outside outputDir (to " + real + ")");
    }
  }
}
