package io.s2l.classifier;

import io.s2l.corpus.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small stand-in for a real image set: 8x8 single-channel images of stripes whose orientation is
 * the class (horizontal, vertical, diagonal, anti-diagonal), with a random phase and pixel noise.
 * Learnable by both families, not linearly trivial, and built in microseconds.
 */
final class SyntheticImages {

  static final int SIDE = 8;
  static final int CLASSES = 4;

  private SyntheticImages() {}

  static ImageSet stripes(int trainPerClass, int testPerClass, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> trainIds = new ArrayList<>();
    List<String> testIds = new ArrayList<>();
    int[] trainLabels = new int[trainPerClass * CLASSES];
    int[] testLabels = new int[testPerClass * CLASSES];
    float[][] trainPixels = new float[trainLabels.length][];
    float[][] testPixels = new float[testLabels.length][];
    for (int i = 0; i < trainLabels.length; i++) {
      trainLabels[i] = i % CLASSES;
      trainPixels[i] = image(trainLabels[i], random);
      trainIds.add("train-" + i);
    }
    for (int i = 0; i < testLabels.length; i++) {
      testLabels[i] = i % CLASSES;
      testPixels[i] = image(testLabels[i], random);
      testIds.add("test-" + i);
    }
    return new ImageSet(
        "stripes",
        SIDE,
        SIDE,
        1,
        CLASSES,
        trainIds,
        trainLabels,
        trainPixels,
        testIds,
        testLabels,
        testPixels);
  }

  private static float[] image(int label, SplittableRandom random) {
    float[] pixels = new float[SIDE * SIDE];
    int phase = random.nextInt(4);
    for (int row = 0; row < SIDE; row++) {
      for (int col = 0; col < SIDE; col++) {
        int coordinate =
            switch (label) {
              case 0 -> row;
              case 1 -> col;
              case 2 -> row + col;
              default -> row - col + SIDE;
            };
        float stripe = (coordinate + phase) % 4 < 2 ? 0.8f : 0.1f;
        float noisy = stripe + (float) (0.15 * random.nextGaussian());
        pixels[row * SIDE + col] = Math.min(1, Math.max(0, noisy));
      }
    }
    return pixels;
  }
}
