package io.s2l.classifier;

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
   * Trainable parameters (weights and biases) for images of the given geometry: mlp {@code sum_l
   * (in_l + 1) width + (width + 1) classes} with {@code in_0 = height x width x channels}; cnn
   * {@code sum_l (9 in_l + 1) width + (width + 1) classes} with {@code in_0 = channels}. Equal to
   * the sum of the sizes of the DJL parameters of {@link ImageClassifier}.
   */
  public long params(int height, int width, int channels, int classes) {
    long total = 0;
    long in = isCnn() ? channels : (long) height * width * channels;
    long kernel = isCnn() ? 9 : 1;
    for (int layer = 0; layer < depth; layer++) {
      total += (kernel * in + 1) * this.width;
      in = this.width;
    }
    return total + (in + 1) * classes;
  }

  /**
   * Multiply-adds of one forward pass over one image, counting a bias add as one multiply-add so
   * that the count is the number of parameter uses: for an mlp it equals {@link #params}; for a cnn
   * each convolution contributes {@code H_l x W_l x (9 in_l + 1) x width} at its input resolution
   * {@code H_l x W_l} (pooling, ReLU and the global average are not counted). Training compute is
   * then {@code 6 x multiplyAdds x examples}: 2 FLOPs per multiply-add forward, twice that
   * backward, which is the {@code 6 N D} of language models with N replaced by parameter uses.
   */
  public long multiplyAdds(int height, int width, int channels, int classes) {
    if (!isCnn()) {
      return params(height, width, channels, classes);
    }
    long total = 0;
    long in = channels;
    int h = height;
    int w = width;
    for (int layer = 0; layer < depth; layer++) {
      total += (long) h * w * (9 * in + 1) * this.width;
      in = this.width;
      if (pools(h, w)) {
        h /= 2;
        w /= 2;
      }
    }
    return total + (in + 1) * classes;
  }

  /** Whether a cnn layer whose feature map is {@code h x w} is followed by a 2x2 max pool. */
  static boolean pools(long h, long w) {
    return h >= 4 && w >= 4;
  }
}
