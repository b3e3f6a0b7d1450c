package io.s2l.lm.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.s2l.lm.model.TransformerLm;
import io.s2l.lm.train.TokenLoss;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-example loss (SCIENCE.md section 1): for a text example, the mean next-token loss over every
 * predicted byte. An example longer than the model's context is cut into consecutive windows of
 * {@code context} predictions (each window sees only its own bytes), so every scale evaluates the
 * same bytes of the same text. Windows of many examples are batched together.
 */
public final class PerExampleLoss {

  /** Examples are truncated to this many bytes so that evaluation cost stays bounded. */
  public static final int MAX_EXAMPLE_BYTES = 256;

  private final TransformerLm network;
  private final NDManager manager;
  private final int batchSize;

  public PerExampleLoss(TransformerLm network, NDManager manager, int batchSize) {
    this.network = network;
    this.manager = manager;
    this.batchSize = batchSize;
  }

  /** Mean loss in nats per predicted byte, one value per example, in order. */
  public float[] evaluate(List<String> examples) {
    int context = network.scale().context();
    List<Window> windows = new ArrayList<>();
    for (int e = 0; e < examples.size(); e++) {
      byte[] bytes = truncate(examples.get(e).getBytes(StandardCharsets.UTF_8));
      if (bytes.length < 2) {
        throw new IllegalArgumentException("example " + e + " has fewer than two bytes");
      }
      for (int start = 0; start < bytes.length - 1; start += context) {
        windows.add(new Window(e, bytes, start, Math.min(context, bytes.length - 1 - start)));
      }
    }
    double[] sums = new double[examples.size()];
    int[] counts = new int[examples.size()];
    ParameterStore store = new ParameterStore(manager, false);
    for (int from = 0; from < windows.size(); from += batchSize) {
      List<Window> chunk = windows.subList(from, Math.min(windows.size(), from + batchSize));
      accumulate(chunk, context, store, sums, counts);
    }
    float[] losses = new float[examples.size()];
    for (int e = 0; e < losses.length; e++) {
      losses[e] = (float) (sums[e] / counts[e]);
    }
    return losses;
  }

  private void accumulate(
      List<Window> chunk, int context, ParameterStore store, double[] sums, int[] counts) {
    int rows = chunk.size();
    long[] inputs = new long[rows * context];
    long[] targets = new long[rows * context];
    for (int r = 0; r < rows; r++) {
      Window w = chunk.get(r);
      for (int i = 0; i < w.predictions; i++) {
        inputs[r * context + i] = w.bytes[w.start + i] & 0xFF;
        targets[r * context + i] = w.bytes[w.start + i + 1] & 0xFF;
      }
    }
    try (NDManager batch = manager.newSubManager()) {
      NDArray in = batch.create(inputs, new Shape(rows, context));
      NDArray logits = network.forward(store, new NDList(in), false).singletonOrThrow();
      float[] loss =
          TokenLoss.perToken(logits, batch.create(targets, new Shape(rows, context)))
              .toFloatArray();
      // Causality makes padding after a window's last prediction harmless: it is never attended to
      // by earlier positions, and its own losses are skipped here.
      for (int r = 0; r < rows; r++) {
        Window w = chunk.get(r);
        for (int i = 0; i < w.predictions; i++) {
          sums[w.example] += loss[r * context + i];
        }
        counts[w.example] += w.predictions;
      }
    }
  }

  private static byte[] truncate(byte[] bytes) {
    if (bytes.length <= MAX_EXAMPLE_BYTES) {
      return bytes;
    }
    byte[] head = new byte[MAX_EXAMPLE_BYTES];
    System.arraycopy(bytes, 0, head, 0, MAX_EXAMPLE_BYTES);
    return head;
  }

  private record Window(int example, byte[] bytes, int start, int predictions) {}
}
