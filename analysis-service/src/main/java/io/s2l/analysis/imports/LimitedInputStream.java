package io.s2l.analysis.imports;

import io.s2l.access.QuotaReservation;
import io.s2l.access.Quotas;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read and refuses to read past a limit (413), or past the bytes a place holds in
 * the key's storage budget (429).
 */
final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private final QuotaReservation place;
  private long read;

  LimitedInputStream(InputStream in, long limit, QuotaReservation place) {
    super(in);
    this.limit = limit;
    this.place = place;
  }

  /** The bytes read so far. */
  long bytesRead() {
    return read;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(long n) {
    read += n;
    if (read > limit) {
      throw new ImportTooLargeException(limit);
    }
    if (read > place.charge().storageBytes()) {
      throw Quotas.uploadExceeded(place, read);
    }
  }
}
