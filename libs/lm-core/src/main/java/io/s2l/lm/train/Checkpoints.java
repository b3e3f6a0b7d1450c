package io.s2l.lm.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A training run's checkpoints in a directory of the artifact store: the step reached, the model's
 * parameters and the optimiser's state, in one file ({@code checkpoint.bin}) that every attempt of
 * the job shares, so a retry resumes where the last checkpoint of any attempt left off. What an
 * attempt produces, the final model ({@code model.params}) and the snapshots a job keeps for
 * attribution ({@code checkpoint-<c>.params}), goes to that attempt's own directory ({@code
 * attempt-<n>/}): the run stored with the job's completion names it, so an attempt that lost its
 * lease and still trains (a zombie) writes only files nobody reads. Every file is written with
 * {@link AtomicFiles}: a crash leaves the previous file whole and at most a temporary file, which
 * the next attempt deletes when it starts.
 *
 * <p>The shared checkpoint is fenced by the attempt: it records the attempt that wrote it ({@link
 * CheckpointHeader}), and an attempt never replaces a checkpoint of a later attempt, so a zombie
 * cannot put its older state under the live attempt, nor a retry after it resume from there. The
 * check and the rename hold an exclusive lock on {@code checkpoint.bin.lock} (a {@link FileLock},
 * and a lock of this process for its own threads, which a file lock does not tell apart). Where the
 * file system refuses file locks, the two run unlocked: a zombie whose check comes just before the
 * live attempt's rename and whose rename just after can still replace that one checkpoint, until
 * the live attempt writes its next one.
 */
public final class Checkpoints {

  private static final String FILE = "checkpoint.bin";

  private static final String LOCK_FILE = FILE + ".lock";

  /** Held while a checkpoint is published, by the threads of this process. */
  private static final Object PUBLISHING = new Object();

  /** The final model's parameters, in DJL's format. */
  public static final String MODEL_FILE = "model.params";

  private final Path directory;
  private final Path attemptDirectory;
  private final int attempt;

  /** Checkpoints, model and snapshots all in {@code directory}: a run with a single attempt. */
  public Checkpoints(Path directory) {
    this(directory, directory, 0);
  }

  private Checkpoints(Path directory, Path attemptDirectory, int attempt) {
    this.directory = directory;
    this.attemptDirectory = attemptDirectory;
    this.attempt = attempt;
  }

  /**
   * The store of attempt {@code attempt} (1, 2, ...) of the job whose run directory is {@code
   * directory}. The temporary files earlier attempts left there are deleted: the queue gives a job
   * to one attempt at a time, and an earlier one still writing lost its lease.
   */
  public static Checkpoints forAttempt(Path directory, int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1, not " + attempt);
    }
    Checkpoints store =
        new Checkpoints(directory, directory.resolve(attemptDirectory(attempt)), attempt);
    try {
      AtomicFiles.deleteTemporaries(directory, FILE + ".");
      AtomicFiles.deleteTemporaries(store.attemptDirectory, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear temporary files in " + directory, e);
    }
    return store;
  }

  /** The directory of attempt n within a run directory, relative to it. */
  public static String attemptDirectory(int attempt) {
    return "attempt-" + attempt;
  }

  /** The step of the latest checkpoint, if there is one. */
  Optional<Long> latestStep() {
    return CheckpointHeader.of(directory.resolve(FILE)).map(CheckpointHeader::step);
  }

  /** The attempt these checkpoints are written by. */
  int attempt() {
    return attempt;
  }

  /** The attempt that wrote the latest checkpoint (0 for one of format 1), if there is one. */
  Optional<Integer> latestAttempt() {
    return CheckpointHeader.of(directory.resolve(FILE)).map(CheckpointHeader::attempt);
  }

  /**
   * Writes the checkpoint of {@code step}, unless the checkpoint there was written by a later
   * attempt: then this attempt lost its lease, and its state is left unwritten.
   *
   * @return whether the checkpoint was written
   */
  boolean save(long step, Model model, ResumableAdamW optimizer) {
    Path file = directory.resolve(FILE);
    try {
      Path temporary =
          AtomicFiles.writeTemporary(
              file,
              stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                new CheckpointHeader(attempt, step).write(out);
                writeParameters(out, model);
                optimizer.save(out, model.getBlock().getParameters());
                out.flush();
              });
      try {
        return publishUnlessSuperseded(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint to " + directory, e);
    }
  }

  /** Renames {@code temporary} over {@code file} unless a later attempt wrote {@code file}. */
  private boolean publishUnlessSuperseded(Path temporary, Path file) throws IOException {
    synchronized (PUBLISHING) {
      try (FileChannel channel =
              FileChannel.open(
                  directory.resolve(LOCK_FILE),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = lockIfSupported(channel)) {
        Optional<CheckpointHeader> existing = CheckpointHeader.of(file);
        if (existing.isPresent() && existing.get().attempt() > attempt) {
          return false;
        }
        AtomicFiles.publish(temporary, file);
        return true;
      }
    }
  }

  /** An exclusive lock of the whole file, or null where the file system has no locks. */
  private static FileLock lockIfSupported(FileChannel channel) {
    try {
      return channel.lock();
    } catch (IOException e) {
      return null;
    }
  }

  /** Loads parameters and optimiser state; returns the step they belong to. */
  long restore(Model model, ResumableAdamW optimizer, NDManager manager) {
    Path file = directory.resolve(FILE);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      long step = CheckpointHeader.read(in, file).step();
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

  /**
   * Whether snapshot c has been written for this attempt: by it, or by an earlier attempt whose
   * checkpoint it resumes, from whose directory (the latest that has it) it is then copied.
   */
  boolean hasSnapshot(int c) {
    Path mine = attemptDirectory.resolve(snapshotFile(c));
    if (Files.isRegularFile(mine)) {
      return true;
    }
    for (int earlier = attempt - 1; earlier >= 1; earlier--) {
      Path theirs = directory.resolve(attemptDirectory(earlier)).resolve(snapshotFile(c));
      if (Files.isRegularFile(theirs)) {
        try {
          AtomicFiles.copy(theirs, mine);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot take over " + theirs, e);
        }
        return true;
      }
    }
    return false;
  }

  void saveSnapshot(int c, Model model) {
    saveParameters(model, snapshotFile(c));
  }

  private void saveParameters(Model model, String file) {
    try {
      AtomicFiles.write(
          attemptDirectory.resolve(file),
          out -> model.getBlock().saveParameters(new DataOutputStream(out)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file + " to " + attemptDirectory, e);
    }
  }

  Path directory() {
    return directory;
  }

  /** Where this attempt's model and snapshots go. */
  public Path attemptDirectory() {
    return attemptDirectory;
  }
}
