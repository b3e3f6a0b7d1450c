package io.s2l.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The repository's PyTorch reference trainer ({@code trainers/pytorch/}) as a trainer registration:
 * what the demo registers before it runs a study with {@code --trainer pytorch}.
 *
 * @param python the interpreter with PyTorch that runs it
 * @param script the trainer's entry point
 */
public record ReferenceTrainer(Path python, Path script) {

  /** The name the demo registers it under, and studies name. */
  public static final String NAME = "pytorch";

  /** Debian's interpreter, where {@code scripts/install-test-tools.sh} installs PyTorch. */
  static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");

  /**
   * The trainer of the repository at {@code home}, run by {@code S2L_PYTHON} or {@code
   * /usr/bin/python3}; fails with what to do when that interpreter cannot import torch.
   */
  public static ReferenceTrainer at(Path home) {
    String configured = System.getenv("S2L_PYTHON");
    Path python = configured == null || configured.isBlank() ? DEFAULT_PYTHON : Path.of(configured);
    Path script = home.resolve("trainers").resolve("pytorch").resolve("train.py").toAbsolutePath();
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("the PyTorch trainer is missing: " + script);
    }
    if (!importsTorch(python)) {
      throw new IllegalStateException(
          python
              + " cannot import torch: run scripts/install-test-tools.sh (Debian's python3-torch),"
              + " or set S2L_PYTHON to an interpreter that has PyTorch");
    }
    return new ReferenceTrainer(python.toAbsolutePath(), script);
  }

  /** The registration's JSON for {@code POST /api/v1/trainers}. */
  public String registration() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode body = json.createObjectNode().put("name", NAME);
    ArrayNode command = body.putArray("command");
    command.add(python.toString()).add(script.toString());
    body.putArray("families").add("lm").add("mlp").add("cnn");
    body.put("gpu", false).put("memoryBytes", 0).put("silenceSeconds", 600);
    return body.toString();
  }

  private static boolean importsTorch(Path python) {
    try {
      Process p =
          new ProcessBuilder(python.toString(), "-c", "import torch")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
