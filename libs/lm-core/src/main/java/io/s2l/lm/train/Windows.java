package io.s2l.lm.train;

/**
 * Splits a batch of training windows of {@code context + 1} tokens (row-major, as {@link
 * io.s2l.lm.data.MixtureSampler#nextBatch} draws them) into the model's inputs, the first {@code
 * context} tokens of each window, and its next-token targets, the last {@code context}.
 */
final class Windows {

  private Windows() {}

  static long[] inputs(long[] windows, int batch, int context) {
    return slice(windows, batch, context, 0);
  }

  static long[] targets(long[] windows, int batch, int context) {
    return slice(windows, batch, context, 1);
  }

  private static long[] slice(long[] windows, int batch, int context, int offset) {
    if (windows.length != batch * (context + 1)) {
      throw new IllegalArgumentException(
          windows.length + " tokens are not " + batch + " windows of " + (context + 1));
    }
    long[] out = new long[batch * context];
    for (int row = 0; row < batch; row++) {
      System.arraycopy(windows, row * (context + 1) + offset, out, row * context, context);
    }
    return out;
  }
}
