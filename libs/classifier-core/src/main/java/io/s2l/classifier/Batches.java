package io.s2l.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.s2l.corpus.ImageSet;
import java.util.SplittableRandom;

/**
 * The training subset in shuffled order, cut into consecutive batches; the last batch of an epoch
 * holds the remainder.
 */
final class Batches {

  private final ImageSet data;
  private final int[] order;
  private final int batchSize;
  private final int pixelsPerImage;

  Batches(ImageSet data, int[] subset, int batchSize) {
    this.data = data;
    this.order = subset.clone();
    this.batchSize = batchSize;
    this.pixelsPerImage = data.channels() * data.height() * data.width();
    for (int i : subset) {
      int label = data.trainLabels()[i];
      if (label < 0 || label >= data.classes()) {
        throw new IllegalArgumentException(
            "training image %d has label %d, outside [0, %d)".formatted(i, label, data.classes()));
      }
    }
  }

  int size() {
    return order.length;
  }

  int perEpoch() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /** Fisher-Yates shuffle of the whole subset, in place. */
  void shuffle(SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** Batch {@code b} as (B, H, W, C) pixels in {@code manager}. */
  NDArray pixels(NDManager manager, int b) {
    int from = b * batchSize;
    int rows = Math.min(batchSize, order.length - from);
    float[] flat = new float[rows * pixelsPerImage];
    for (int r = 0; r < rows; r++) {
      float[] image = data.trainPixels()[order[from + r]];
      if (image.length != pixelsPerImage) {
        throw new IllegalArgumentException(
            "training image %d has %d pixels, expected %d"
                .formatted(order[from + r], image.length, pixelsPerImage));
      }
      System.arraycopy(image, 0, flat, r * pixelsPerImage, pixelsPerImage);
    }
    return manager.create(flat, new Shape(rows, data.height(), data.width(), data.channels()));
  }

  /** Batch {@code b}'s labels as INT64 in {@code manager}. */
  NDArray labels(NDManager manager, int b) {
    int from = b * batchSize;
    int rows = Math.min(batchSize, order.length - from);
    long[] labels = new long[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = data.trainLabels()[order[from + r]];
    }
    return manager.create(labels);
  }
}
