package io.s2l.classifier;

import io.s2l.study.ClassifierCompute;
import io.s2l.study.ImageGeometry;
import java.util.Objects;

/**
 * One size of image classifier. A family is scaled by {@code width} at a fixed {@code depth}, the
 * way the small-to-large paper scales its ResNets on CIFAR-10 and ImageNet:
 *
 * <ul>
 *   <li>{@code mlp}: flatten, then {@code depth} x [Linear(width), ReLU], then Linear(classes);
 *   <li>{@code cnn}: {@code depth} x [Conv2d(width, 3x3, padding 1), ReLU, then a 2x2 max pool with
 *       stride 2 if the feature map is still at least 4x4], global average pool, Linear(classes).
 * </ul>
 *
 * @param name label of the scale in a study, e.g. {@code "cnn-16"}
 * @param family {@link #MLP} or {@link #CNN}
 * @param width hidden units per layer (mlp) or filters per convolution (cnn)
 * @param depth hidden layers (mlp) or convolutions (cnn), at least 1
 */
public record ClassifierScale(String name, String family, int width, int depth) {

  public static final String MLP = "mlp";
  public static final String CNN = "cnn";

  public ClassifierScale {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (!MLP.equals(family) && !CNN.equals(family)) {
      throw new IllegalArgumentException("family must be mlp or cnn, was " + family);
    }
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, was " + width);
    }
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, was " + depth);
    }
  }

  public boolean isCnn() {
    return CNN.equals(family);
  }

  /**
   * Trainable parameters (weights and biases) for images of the given geometry ({@link
   * ClassifierCompute#params}); equal to the sum of the sizes of the DJL parameters of {@link
   * ImageClassifier}.
   */
  public long params(int height, int width, int channels, int classes) {
    return ClassifierCompute.params(
        isCnn(), this.width, depth, new ImageGeometry(height, width, channels, classes, 0));
  }

  /**
   * Multiply-adds of one forward pass over one image ({@link ClassifierCompute#multiplyAdds}).
   * Training compute is {@code 6 x multiplyAdds x examples}.
   */
  public long multiplyAdds(int height, int width, int channels, int classes) {
    return ClassifierCompute.multiplyAdds(
        isCnn(), this.width, depth, new ImageGeometry(height, width, channels, classes, 0));
  }

  /** Whether a cnn layer whose feature map is {@code h x w} is followed by a 2x2 max pool. */
  static boolean pools(long h, long w) {
    return ClassifierCompute.pools(h, w);
  }
}
