package io.s2l.study;

/**
 * Parameter and multiply-add counts of the image classifiers (families {@code mlp} and {@code cnn},
 * scaled by width at a fixed depth; the layers are described in {@code
 * io.s2l.classifier.ClassifierScale}). Kept here, without any engine, so that a study's compute can
 * be estimated where it is submitted.
 */
public final class ClassifierCompute {

  private ClassifierCompute() {}

  /**
   * Trainable parameters (weights and biases): mlp {@code sum_l (in_l + 1) width + (width + 1)
   * classes} with {@code in_0 = height x width x channels}; cnn {@code sum_l (9 in_l + 1) width +
   * (width + 1) classes} with {@code in_0 = channels}.
   */
  public static long params(boolean cnn, int width, int depth, ImageGeometry image) {
    long total = 0;
    long in = cnn ? image.channels() : (long) image.height() * image.width() * image.channels();
    long kernel = cnn ? 9 : 1;
    for (int layer = 0; layer < depth; layer++) {
      total += (kernel * in + 1) * width;
      in = width;
    }
    return total + (in + 1) * image.classes();
  }

  /**
   * Multiply-adds of one forward pass over one image, counting a bias add as one multiply-add so
   * that the count is the number of parameter uses: for an mlp it equals {@link #params}; for a cnn
   * each convolution contributes {@code H_l x W_l x (9 in_l + 1) x width} at its input resolution
   * {@code H_l x W_l}, halved after each layer while the map is at least 4x4 (pooling, ReLU and the
   * global average are not counted). Training compute is then {@code 6 x multiplyAdds x examples}:
   * 2 FLOPs per multiply-add forward, twice that backward, the {@code 6 N D} of language models
   * with N replaced by parameter uses.
   */
  public static long multiplyAdds(boolean cnn, int width, int depth, ImageGeometry image) {
    if (!cnn) {
      return params(false, width, depth, image);
    }
    long total = 0;
    long in = image.channels();
    int h = image.height();
    int w = image.width();
    for (int layer = 0; layer < depth; layer++) {
      total += (long) h * w * (9 * in + 1) * width;
      in = width;
      if (pools(h, w)) {
        h /= 2;
        w /= 2;
      }
    }
    return total + (in + 1) * image.classes();
  }

  /** Whether a cnn layer whose feature map is {@code h x w} is followed by a 2x2 max pool. */
  public static boolean pools(long h, long w) {
    return h >= 4 && w >= 4;
  }
}
