package io.s2l.lm.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A training run's checkpoints in a directory of the artifact store: the step reached, the model's
 * parameters and the optimiser's state, in one file written atomically (to a temporary file, then
 * moved into place), so a crash never leaves a half-written checkpoint. Beside it: the final model
 * ({@code model.params}) and the snapshots a job keeps for attribution ({@code
 * checkpoint-<c>.params}), parameters only, in DJL's format, each written atomically too.
 */
public final class Checkpoints {

  private static final String FILE = "checkpoint.bin";

  /** The final model's parameters, in DJL's format. */
  public static final String MODEL_FILE = "model.params";

  private static final int FORMAT = 1;

  private final Path directory;

  public Checkpoints(Path directory) {
    this.directory = directory;
  }

  /** The step of the latest checkpoint, if there is one. */
  Optional<Long> latestStep() {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      in.readInt();
      return Optional.of(in.readLong());
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable checkpoint " + file, e);
    }
  }

  void save(long step, Model model, ResumableAdamW optimizer) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "checkpoint", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
        out.writeInt(FORMAT);
        out.writeLong(step);
        writeParameters(out, model);
        optimizer.save(out, model.getBlock().getParameters());
      }
      Files.move(
          temporary,
          directory.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint to " + directory, e);
    }
  }

  /** Loads parameters and optimiser state; returns the step they belong to. */
  long restore(Model model, ResumableAdamW optimizer, NDManager manager) {
    Path file = directory.resolve(FILE);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalStateException(
            "checkpoint " + file + " has format " + format + ", not " + FORMAT);
      }
      long step = in.readLong();
      readParameters(in, model, manager);
      optimizer.load(in, manager, model.getBlock().getParameters());
      return step;
    } catch (IOException e) {
      throw new IllegalStateException("cannot restore the checkpoint " + file, e);
    }
  }

  /**
   * Parameters by name, each DJL-encoded. Restoring copies values into the existing arrays, so they
   * keep their identity and their gradient attachment in the running trainer.
   */
  private static void writeParameters(DataOutputStream out, Model model) throws IOException {
    var parameters = model.getBlock().getParameters();
    out.writeInt(parameters.size());
    for (var p : parameters) {
      out.writeUTF(p.getKey());
      byte[] bytes = p.getValue().getArray().encode();
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static void readParameters(DataInputStream in, Model model, NDManager manager)
      throws IOException {
    var parameters = model.getBlock().getParameters();
    int n = in.readInt();
    if (n != parameters.size()) {
      throw new IOException(
          "the checkpoint has " + n + " parameters, the model " + parameters.size());
    }
    try (NDManager scratch = manager.newSubManager()) {
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        var parameter = parameters.get(name);
        if (parameter == null) {
          throw new IOException("the checkpoint has an unknown parameter " + name);
        }
        parameter.getArray().set(ai.djl.ndarray.NDArray.decode(scratch, bytes).toByteBuffer());
      }
    }
  }

  /** Saves the final model's parameters for later analyses (attribution, inspection). */
  public void saveModel(Model model) {
    saveParameters(model, MODEL_FILE);
  }

  /**
   * The file of snapshot c (the parameters after step {@code round(c T / C)}), in the same format
   * as {@code model.params}.
   */
  public static String snapshotFile(int c) {
    if (c < 1) {
      throw new IllegalArgumentException("snapshots are numbered from 1, not " + c);
    }
    return "checkpoint-" + c + ".params";
  }

  /** Whether snapshot c has been written. */
  boolean hasSnapshot(int c) {
    return Files.isRegularFile(directory.resolve(snapshotFile(c)));
  }

  void saveSnapshot(int c, Model model) {
    saveParameters(model, snapshotFile(c));
  }

  private void saveParameters(Model model, String file) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "params", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
        model.getBlock().saveParameters(out);
      }
      Files.move(
          temporary,
          directory.resolve(file),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file + " to " + directory, e);
    }
  }

  Path directory() {
    return directory;
  }
}
