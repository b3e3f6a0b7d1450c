package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.s2l.classifier.ImageClassifier;
import io.s2l.classifier.TrainedClassifier;
import java.util.Arrays;
import java.util.List;

/**
 * Per-example gradients of the model output function of a trained image classifier (TRAK, Park et
 * al. 2023): for example {@code z = (x, y)}, {@code g(z) = grad_theta f(z; theta)} with {@code f =
 * log(p_y / (1 - p_y)) = z_y - logsumexp_{j != y} z_j}, the correct-class log-odds (see {@link
 * io.s2l.classifier.ClassifierEvaluation}). {@code theta} is every trainable parameter in the
 * network's order ({@link #layout()}), each flattened row-major: one vector of length {@link
 * #parameterCount()} per example. The model is not changed.
 *
 * <p>Two paths, equal up to float rounding:
 *
 * <ul>
 *   <li>{@link #batched}: every example gets its own copy of the weights (a leading batch
 *       dimension), one forward over all copies at once (see {@link BatchedClassifierForward}), one
 *       backward of {@code sum_b f_b};
 *   <li>{@link #loop}: the reference, one example at a time through the network's own forward (its
 *       {@code Linear}/{@code Conv2d} blocks), one backward per example.
 * </ul>
 *
 * <p>Memory of a batched call: up to about 5 x batch x p floats of native memory at its peak
 * (weight copies, the forward's broadcast products, their gradients, the flattened result), all in
 * a sub-manager freed before the call returns except the result. Both paths open a {@link
 * GradientCollector}, of which PyTorch allows one per JVM at a time: do not call them while a model
 * trains in the same JVM.
 */
public final class PerExampleGradients {

  private final TrainedClassifier model;
  private final ImageClassifier network;
  private final TrainableParameters trainable;
  private final int pixelsPerImage;

  private PerExampleGradients(TrainedClassifier model) {
    this.model = model;
    this.network = model.network();
    this.trainable = TrainableParameters.of(network);
    this.pixelsPerImage = Math.toIntExact(network.inputShape(1).size());
  }

  /** Gradients of {@code model}, which must stay open while this is used. */
  public static PerExampleGradients of(TrainedClassifier model) {
    return new PerExampleGradients(model);
  }

  /** p, the length of one flattened gradient. */
  public int parameterCount() {
    return trainable.count();
  }

  /** Where each parameter sits in a flattened gradient, in order. */
  public List<ParameterSlice> layout() {
    return trainable.layout();
  }

  /** The examples {@code (pixels[i], labels[i])} as a {@link GradientSource} for a featurizer. */
  public GradientSource over(float[][] pixels, int[] labels) {
    if (pixels.length != labels.length) {
      throw new IllegalArgumentException(
          pixels.length + " images but " + labels.length + " labels");
    }
    return new GradientSource() {
      @Override
      public int size() {
        return labels.length;
      }

      @Override
      public int parameterCount() {
        return trainable.count();
      }

      @Override
      public NDArray gradients(NDManager manager, int from, int to) {
        return PerExampleGradients.this.gradients(
            manager, Arrays.copyOfRange(pixels, from, to), Arrays.copyOfRange(labels, from, to));
      }
    };
  }

  /** Gradients and margins of a batch by the weight-copies path, copied to Java. */
  public Result batched(float[][] pixels, int[] labels) {
    try (NDManager manager = model.model().getNDManager().newSubManager()) {
      TrainableParameters.Batch batch = compute(manager, pixels, labels);
      return new Result(
          labels.length, trainable.count(), batch.gradients().toFloatArray(), batch.values());
    }
  }

  /**
   * The batched path's gradients as a {@code (B, p)} array in {@code manager}; every other array of
   * the call lives in a sub-manager that is closed before returning.
   */
  public NDArray gradients(NDManager manager, float[][] pixels, int[] labels) {
    return compute(manager, pixels, labels).gradients();
  }

  private TrainableParameters.Batch compute(NDManager manager, float[][] pixels, int[] labels) {
    float[] flat = flatten(pixels, labels);
    return trainable.backwardBatched(
        manager,
        labels.length,
        (step, copies) -> {
          NDArray input = step.create(flat, network.inputShape(labels.length));
          NDArray logits = BatchedClassifierForward.logits(network.scale(), input, copies);
          return LogOddsMargin.of(logits, labels, step);
        });
  }

  /**
   * The reference: for each example alone, fresh copies of the parameters are handed to the
   * network's own forward (through a {@link ai.djl.training.ParameterStore}), then one backward of
   * its margin.
   */
  public Result loop(float[][] pixels, int[] labels) {
    int rows = labels.length;
    int p = trainable.count();
    float[] flat = flatten(pixels, labels);
    float[] gradients = new float[Math.multiplyExact(rows, p)];
    float[] margins = new float[rows];
    for (int i = 0; i < rows; i++) {
      float[] image = Arrays.copyOfRange(flat, i * pixelsPerImage, (i + 1) * pixelsPerImage);
      int[] label = {labels[i]};
      margins[i] =
          trainable.backwardOne(
              model.model().getNDManager(),
              (manager, store) -> {
                NDArray input = manager.create(image, network.inputShape(1));
                NDArray logits =
                    network.forward(store, new NDList(input), false).singletonOrThrow();
                return LogOddsMargin.of(logits, label, manager);
              },
              gradients,
              i * p);
    }
    return new Result(rows, p, gradients, margins);
  }

  private float[] flatten(float[][] pixels, int[] labels) {
    if (pixels.length != labels.length) {
      throw new IllegalArgumentException(
          pixels.length + " images but " + labels.length + " labels");
    }
    float[] flat = new float[Math.multiplyExact(pixels.length, pixelsPerImage)];
    for (int i = 0; i < pixels.length; i++) {
      if (pixels[i].length != pixelsPerImage) {
        throw new IllegalArgumentException(
            "image %d has %d pixels, expected %d".formatted(i, pixels[i].length, pixelsPerImage));
      }
      System.arraycopy(pixels[i], 0, flat, i * pixelsPerImage, pixelsPerImage);
    }
    return flat;
  }

  /**
   * Per-example gradients, row-major {@code rows x parameters}, and the margins {@code f(z)} they
   * are gradients of.
   */
  public record Result(int rows, int parameters, float[] gradients, float[] margins) {

    /** Example {@code i}'s gradient, a copy. */
    public float[] row(int i) {
      float[] out = new float[parameters];
      System.arraycopy(gradients, i * parameters, out, 0, parameters);
      return out;
    }
  }
}
