package io.s2l.experiment.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body but a dataset upload's (which has its own limit, {@code
 * s2l.experiment.max-dataset-size}) to {@code s2l.experiment.max-request-size}: the body is counted
 * as it is read, and the read that would pass the limit throws {@link BodyTooLargeException}, a 413
 * problem naming the property, so no definition is ever parsed past the limit.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

  static final String PROPERTY = "s2l.experiment.max-request-size";

  private final long limit;

  RequestBodyLimit(@Value("${" + PROPERTY + ":1MB}") DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/v1/datasets");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (getContentLengthLong() > limit) {
        throw new BodyTooLargeException(limit, PROPERTY);
      }
      if (stream == null) {
        stream = new Counted(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counted extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counted(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(limit, PROPERTY);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
