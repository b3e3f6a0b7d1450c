package io.s2l.trainer.contract;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses lines longer than a limit, so that a trainer's output cannot make the
 * worker buffer an unbounded line: reading past the limit throws {@link LineTooLongException}.
 */
public final class LineLimitReader extends FilterReader {

  private final int maxLine;
  private long line = 1;
  private int length;

  public LineLimitReader(Reader in, int maxLine) {
    super(in);
    this.maxLine = maxLine;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      count(buffer[offset + i]);
    }
    return n;
  }

  private void count(char c) throws LineTooLongException {
    if (c == '\n') {
      line++;
      length = 0;
    } else if (++length > maxLine) {
      throw new LineTooLongException(line, maxLine);
    }
  }

  /** A line over the limit. */
  public static final class LineTooLongException extends IOException {
    private final long line;

    LineTooLongException(long line, int maxLine) {
      super("line " + line + " is longer than " + maxLine + " characters");
      this.line = line;
    }

    /** The 1-based number of the line. */
    public long line() {
      return line;
    }
  }
}
