package io.s2l.attribution;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Features stored as a raw little-endian float32 file of rows x dimension values, row-major, with
 * no header (what {@code numpy.ndarray.astype('<f4').tofile} writes): rows = file size / 4 /
 * dimension. Read through a {@link FileChannel} with positional reads, chunk by chunk; the file is
 * never loaded whole. Safe for concurrent reads; close it when done.
 */
public final class FeatureFile implements FeatureRows, AutoCloseable {

  /** Bytes read per call of {@link #read}'s copy loop. */
  private static final int COPY_BYTES = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final int rows;
  private final int dimension;

  private FeatureFile(Path file, FileChannel channel, int rows, int dimension) {
    this.file = file;
    this.channel = channel;
    this.rows = rows;
    this.dimension = dimension;
  }

  /**
   * Opens a feature file.
   *
   * @param dimension number of float32 values per row, at least 1
   * @throws IllegalArgumentException if dimension &lt; 1, or the file size is not a whole number of
   *     rows, or holds more than {@link Integer#MAX_VALUE} rows
   * @throws IOException if the file cannot be opened
   */
  public static FeatureFile open(Path file, int dimension) throws IOException {
    Objects.requireNonNull(file, "file");
    Checks.shape(0, dimension);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = channel.size();
      long rowBytes = (long) dimension * Float.BYTES;
      if (size % rowBytes != 0) {
        throw new IllegalArgumentException(
            file
                + " holds "
                + size
                + " bytes, not a whole number of rows of "
                + dimension
                + " float32 values ("
                + rowBytes
                + " bytes each)");
      }
      long rows = size / rowBytes;
      if (rows > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(file + " holds " + rows + " rows, too many");
      }
      return new FeatureFile(file, channel, (int) rows, dimension);
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Writes features as a little-endian float32 file that {@link #open} reads back, streaming them
   * in chunks. Replaces an existing file.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, FeatureRows features) throws IOException {
    Objects.requireNonNull(file, "file");
    int chunk = Math.max(1, COPY_BYTES / Float.BYTES / features.dimension());
    float[] values = new float[chunk * features.dimension()];
    ByteBuffer bytes =
        ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int first = 0; first < features.rows(); first += chunk) {
        int count = Math.min(chunk, features.rows() - first);
        features.read(first, count, values);
        bytes.clear();
        bytes.asFloatBuffer().put(values, 0, count * features.dimension());
        bytes.limit(count * features.dimension() * Float.BYTES);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  @Override
  public void read(int firstRow, int count, float[] into) {
    Checks.readRequest(this, firstRow, count, into);
    int values = count * dimension;
    int buffered = Math.min(values, COPY_BYTES / Float.BYTES);
    ByteBuffer bytes = ByteBuffer.allocate(buffered * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    long position = (long) firstRow * dimension * Float.BYTES;
    int copied = 0;
    while (copied < values) {
      int take = Math.min(values - copied, buffered);
      bytes.clear().limit(take * Float.BYTES);
      readFully(bytes, position + (long) copied * Float.BYTES);
      bytes.flip();
      bytes.asFloatBuffer().get(into, copied, take);
      copied += take;
    }
  }

  /**
   * Reads rows [firstRow, firstRow + count) straight into {@code target} (a direct buffer over
   * native memory, whose byte order must be little-endian): the bytes of the file are the float32
   * values, so no conversion and no Java array is involved. Fills target from position 0.
   */
  void readInto(int firstRow, int count, ByteBuffer target) {
    target.clear().limit(count * dimension * Float.BYTES);
    readFully(target, (long) firstRow * dimension * Float.BYTES);
  }

  private void readFully(ByteBuffer target, long position) {
    try {
      long at = position;
      while (target.hasRemaining()) {
        int read = channel.read(target, at);
        if (read < 0) {
          throw new EOFException(file + " ended at byte " + at + " (truncated while open?)");
        }
        at += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return "FeatureFile[" + file + ", " + rows + " x " + dimension + "]";
  }
}
