package io.s2l.lm.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files of the artifact store written so that a reader sees the old file or the whole new one,
 * never a part, even across a crash or a power cut: the bytes go to a temporary file in the same
 * directory ({@code <name>.<random>.tmp}), are forced to disk, then the temporary file is renamed
 * over the target (an atomic move) and the directory is forced too, where the file system allows. A
 * crash leaves at most a temporary file, which {@link #deleteTemporaries} removes when the work
 * that wrote it is next started.
 */
public final class AtomicFiles {

  /** How every temporary file of this class ends. */
  public static final String TEMPORARY_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** What writes a file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code file} atomically; on failure the old file, if any, is left as it was. */
  public static void write(Path file, Content content) throws IOException {
    publish(writeTemporary(file, content), file);
  }

  /**
   * Writes {@code content} to a new temporary file beside {@code file} and forces it to disk, for a
   * caller that decides under a lock of its own whether to {@link #publish} it; on failure nothing
   * is left.
   */
  public static Path writeTemporary(Path file, Content content) throws IOException {
    Path temporary = temporaryFor(file);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
      content.writeTo(out);
      out.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    return temporary;
  }

  /** Copies {@code from} to {@code to} atomically. */
  public static void copy(Path from, Path to) throws IOException {
    write(to, out -> Files.copy(from, out));
  }

  /**
   * A new, empty temporary file beside {@code file} (its directory is made if missing), named so
   * that {@link #deleteTemporaries} finds it by {@code file}'s name.
   */
  public static Path temporaryFor(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    return Files.createTempFile(directory, file.getFileName() + ".", TEMPORARY_SUFFIX);
  }

  /**
   * Renames a temporary file whose content is already on disk over {@code file}, then forces the
   * directory so that the rename itself survives a crash.
   */
  public static void publish(Path temporary, Path file) throws IOException {
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(file.toAbsolutePath().getParent());
  }

  /**
   * Forces a directory's entries to disk. Some platforms cannot open a directory for that; there
   * the rename is as durable as the file system makes it.
   */
  public static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported here (Windows, some network file systems): nothing more can be done
    }
  }

  /**
   * Deletes the temporary files in {@code directory} whose names start with {@code prefix}: what a
   * crashed or abandoned writer left. Call it only where nothing else still writes such files.
   *
   * @return how many were deleted
   */
  public static int deleteTemporaries(Path directory, String prefix) throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.startsWith(prefix)
            && name.endsWith(TEMPORARY_SUFFIX)
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    }
    return deleted;
  }
}
