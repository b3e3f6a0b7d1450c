package io.s2l.classifier;

/**
 * Optimisation settings of a classifier run: AdamW (Loshchilov and Hutter 2019), a linear warm-up
 * over {@code warmupFraction} of the steps, then cosine decay to 10% of {@code learningRate};
 * gradients clipped to global L2 norm {@code gradientClip}.
 *
 * @param epochs passes over the training subset
 * @param batchSize images per step; the last batch of an epoch may be smaller
 * @param learningRate peak learning rate
 * @param warmupFraction fraction of all steps spent warming up, in [0, 1)
 * @param weightDecay decoupled weight decay of AdamW
 * @param gradientClip maximum global gradient norm, greater than 0
 */
public record ClassifierSettings(
    int epochs,
    int batchSize,
    double learningRate,
    double warmupFraction,
    double weightDecay,
    double gradientClip) {

  /** Sized for 8x8 digits: about 660 steps over the full 1,397 training images. */
  public static final ClassifierSettings DEFAULTS =
      new ClassifierSettings(30, 64, 3e-3, 0.05, 0.01, 1.0);

  public ClassifierSettings {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
    }
    if (!(warmupFraction >= 0 && warmupFraction < 1)) {
      throw new IllegalArgumentException("warmupFraction must be in [0, 1), was " + warmupFraction);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weightDecay must be non-negative, was " + weightDecay);
    }
    if (!(gradientClip > 0)) {
      throw new IllegalArgumentException("gradientClip must be positive, was " + gradientClip);
    }
  }

  public ClassifierSettings withEpochs(int epochs) {
    return new ClassifierSettings(
        epochs, batchSize, learningRate, warmupFraction, weightDecay, gradientClip);
  }
}
