package io.s2l.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Per-example evaluation of a classifier (docs/science.md sections 1 and 3). For logits z and
 * correct class y, in double precision:
 *
 * <ul>
 *   <li>loss {@code l = logsumexp_j z_j - z_y}, the cross-entropy in nats;
 *   <li>correct iff y is the first index of the largest logit;
 *   <li>margin {@code f = log(p_y / (1 - p_y)) = z_y - logsumexp_{j != y} z_j}, the log-odds of the
 *       correct class, the model output function of datamodels and TRAK (Ilyas et al. 2022, Park et
 *       al. 2023). The right-hand form never forms {@code 1 - p_y}, so it stays exact when the
 *       softmax saturates.
 * </ul>
 */
public final class ClassifierEvaluation {

  private ClassifierEvaluation() {}

  /**
   * @param pixels images laid out as in {@link io.s2l.corpus.ImageSet}: row-major, (H, W, C)
   * @param labels correct classes
   * @param batchSize images per forward pass
   */
  public static Result evaluate(
      TrainedClassifier model, float[][] pixels, int[] labels, int batchSize) {
    if (pixels.length != labels.length) {
      throw new IllegalArgumentException(
          pixels.length + " images but " + labels.length + " labels");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    ImageClassifier network = model.network();
    int classes = network.classes();
    Shape one = network.inputShape(1);
    int pixelsPerImage = Math.toIntExact(one.size());
    int n = labels.length;
    float[] losses = new float[n];
    boolean[] correct = new boolean[n];
    float[] margins = new float[n];
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      ParameterStore store = new ParameterStore(manager, false);
      for (int from = 0; from < n; from += batchSize) {
        int rows = Math.min(batchSize, n - from);
        float[] flat = new float[rows * pixelsPerImage];
        for (int r = 0; r < rows; r++) {
          float[] image = pixels[from + r];
          if (image.length != pixelsPerImage) {
            throw new IllegalArgumentException(
                "image %d has %d pixels, expected %d"
                    .formatted(from + r, image.length, pixelsPerImage));
          }
          System.arraycopy(image, 0, flat, r * pixelsPerImage, pixelsPerImage);
        }
        float[] logits;
        try (NDManager batch = manager.newSubManager()) {
          NDArray in = batch.create(flat, network.inputShape(rows));
          logits = network.forward(store, new NDList(in), false).singletonOrThrow().toFloatArray();
        }
        for (int r = 0; r < rows; r++) {
          int e = from + r;
          int y = labels[e];
          if (y < 0 || y >= classes) {
            throw new IllegalArgumentException(
                "label %d of image %d is outside [0, %d)".formatted(y, e, classes));
          }
          score(logits, r * classes, classes, y, e, losses, correct, margins);
        }
      }
    }
    return new Result(losses, correct, margins);
  }

  private static void score(
      float[] logits,
      int offset,
      int classes,
      int y,
      int e,
      float[] losses,
      boolean[] correct,
      float[] margins) {
    int argmax = 0;
    double maxOther = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < classes; j++) {
      if (logits[offset + j] > logits[offset + argmax]) {
        argmax = j;
      }
      if (j != y) {
        maxOther = Math.max(maxOther, logits[offset + j]);
      }
    }
    double zy = logits[offset + y];
    double max = Math.max(maxOther, zy);
    double sumAll = 0;
    double sumOther = 0;
    for (int j = 0; j < classes; j++) {
      double z = logits[offset + j];
      sumAll += Math.exp(z - max);
      if (j != y) {
        sumOther += Math.exp(z - maxOther);
      }
    }
    losses[e] = (float) (max + Math.log(sumAll) - zy);
    correct[e] = argmax == y;
    margins[e] = (float) (zy - (maxOther + Math.log(sumOther)));
  }

  /**
   * Per-example results, in the order of the inputs.
   *
   * @param losses cross-entropy in nats
   * @param correct whether the argmax is the correct class
   * @param margins log-odds of the correct class, {@code log(p / (1 - p))}
   */
  public record Result(float[] losses, boolean[] correct, float[] margins) {

    /** Fraction of examples classified correctly. */
    public double accuracy() {
      int right = 0;
      for (boolean c : correct) {
        if (c) {
          right++;
        }
      }
      return correct.length == 0 ? 0 : (double) right / correct.length;
    }

    /** Mean cross-entropy in nats. */
    public double meanLoss() {
      double sum = 0;
      for (float l : losses) {
        sum += l;
      }
      return losses.length == 0 ? 0 : sum / losses.length;
    }
  }
}
