package io.s2l.worker.trainers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a trainer's {@code trainer.log}, quoted when its attempt fails. */
final class LogTail {

  static final int MAX_LINES = 10;
  static final int MAX_BYTES = 2000;

  private LogTail() {}

  /** At most {@link #MAX_LINES} lines from the last {@link #MAX_BYTES} bytes; "" when empty. */
  static String of(Path log) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      file.seek(length - size);
      file.readFully(bytes);
      List<String> lines =
          Arrays.asList(new String(bytes, StandardCharsets.UTF_8).strip().split("\n"));
      if (size < length && lines.size() > 1) {
        lines = lines.subList(1, lines.size()); // the first line was cut
      }
      return String.join("\n", lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
