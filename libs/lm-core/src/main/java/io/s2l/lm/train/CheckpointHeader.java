package io.s2l.lm.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The head of a {@code checkpoint.bin}: the attempt of the job that wrote it and the step it holds;
 * the parameters and the optimiser's state follow. Format 2 is {@code int 2, int attempt, long
 * step}. Format 1, written before checkpoints named their attempt, is {@code int 1, long step} and
 * reads as attempt 0, earlier than every attempt (numbered from 1), so any attempt may replace it.
 */
record CheckpointHeader(int attempt, long step) {

  /** The format written. */
  static final int FORMAT = 2;

  /** The format without the attempt, still read. */
  static final int FORMAT_WITHOUT_ATTEMPT = 1;

  void write(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(attempt);
    out.writeLong(step);
  }

  /** Reads the head of {@code file} from {@code in}, which is left at the parameters. */
  static CheckpointHeader read(DataInputStream in, Path file) throws IOException {
    int format = in.readInt();
    return switch (format) {
      case FORMAT -> new CheckpointHeader(in.readInt(), in.readLong());
      case FORMAT_WITHOUT_ATTEMPT -> new CheckpointHeader(0, in.readLong());
      default ->
          throw new IOException(
              "checkpoint "
                  + file
                  + " has format "
                  + format
                  + ", not "
                  + FORMAT_WITHOUT_ATTEMPT
                  + " or "
                  + FORMAT);
    };
  }

  /** The head of {@code file}, if there is one. */
  static Optional<CheckpointHeader> of(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      return Optional.of(read(in, file));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable checkpoint " + file, e);
    }
  }
}
