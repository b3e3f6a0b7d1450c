package io.s2l.featurize;

import io.s2l.lm.train.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link Featurizer.FeatureSink} that streams an n x k feature matrix into a file: raw
 * little-endian float32, row-major, no header, the format attribution-core's {@code FeatureFile}
 * reads (and numpy's {@code astype('<f4').tofile} writes). Memory is one chunk's buffer whatever n
 * is. The rows go to a temporary file beside the target ({@link AtomicFiles}), which {@link
 * #commit} forces to disk and moves into place once all n have arrived, so a reader never sees a
 * partial file, even after a crash; closing without committing deletes it.
 */
public final class FeatureFileWriter implements Featurizer.FeatureSink, AutoCloseable {

  private final Path file;
  private final Path temporary;
  private final FileChannel channel;
  private final int rows;
  private final int dimension;
  private int written;
  private boolean committed;
  private ByteBuffer buffer = ByteBuffer.allocate(0);

  private FeatureFileWriter(Path file, Path temporary, int rows, int dimension) throws IOException {
    this.file = file;
    this.temporary = temporary;
    this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
    this.rows = rows;
    this.dimension = dimension;
  }

  /**
   * A writer of {@code rows x dimension} features to {@code file}, whose directory must exist.
   *
   * @param rows n, at least 0
   * @param dimension k, at least 1
   */
  public static FeatureFileWriter create(Path file, int rows, int dimension) throws IOException {
    Objects.requireNonNull(file, "file");
    if (rows < 0 || dimension < 1) {
      throw new IllegalArgumentException(
          "rows must be >= 0 and dimension >= 1, were %d and %d".formatted(rows, dimension));
    }
    Path temporary = AtomicFiles.temporaryFor(file);
    return new FeatureFileWriter(file, temporary, rows, dimension);
  }

  @Override
  public void accept(int firstRow, int count, float[] features) {
    if (firstRow != written || count < 0 || written + count > rows) {
      throw new IllegalStateException(
          "rows %d..%d arrived after %d of %d rows"
              .formatted(firstRow, firstRow + count - 1, written, rows));
    }
    int values = count * dimension;
    if (buffer.capacity() < values * Float.BYTES) {
      buffer = ByteBuffer.allocateDirect(values * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }
    buffer.clear();
    buffer.asFloatBuffer().put(features, 0, values);
    buffer.limit(values * Float.BYTES);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temporary, e);
    }
    written += count;
  }

  /** Rows written so far. */
  public int written() {
    return written;
  }

  /** Flushes the file to disk and moves it into place; every row must have been written. */
  public void commit() throws IOException {
    if (written != rows) {
      throw new IllegalStateException(written + " of " + rows + " rows written");
    }
    channel.force(true);
    channel.close();
    AtomicFiles.publish(temporary, file);
    committed = true;
  }

  /** Closes the file; without a {@link #commit} the temporary file is deleted. */
  @Override
  public void close() throws IOException {
    channel.close();
    if (!committed) {
      Files.deleteIfExists(temporary);
    }
  }
}
