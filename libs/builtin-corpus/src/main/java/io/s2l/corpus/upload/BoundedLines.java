package io.s2l.corpus.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines ({@code \n} or {@code \r\n}) from a stream and refuses a line longer than a
 * limit as soon as it passes it: at most the limit is ever held, however long the line, where a
 * {@link java.io.BufferedReader} would buffer a whole line of an upload with no line break.
 */
final class BoundedLines {

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int position;
  private int end;
  private long number;

  BoundedLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }

  /**
   * The next line without its line break, or null at the end of the stream.
   *
   * @throws DatasetLimitExceededException when the line is longer than the limit
   */
  String next() throws IOException {
    line.reset();
    while (true) {
      if (position == end) {
        end = in.read(buffer);
        position = 0;
        if (end <= 0) {
          end = 0;
          if (line.size() == 0) {
            return null;
          }
          return finish();
        }
      }
      int start = position;
      while (position < end && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < end) {
        position++; // the line break
        return finish();
      }
    }
  }

  private void append(int start, int length) {
    if (line.size() + (long) length > maxLineBytes) {
      throw new DatasetLimitExceededException(
          DatasetLimitExceededException.Limit.LINE_BYTES, number + 1, maxLineBytes);
    }
    line.write(buffer, start, length);
  }

  private String finish() {
    number++;
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
