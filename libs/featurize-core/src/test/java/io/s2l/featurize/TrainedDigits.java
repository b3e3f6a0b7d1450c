package io.s2l.featurize;

import io.s2l.classifier.ClassifierProgress;
import io.s2l.classifier.ClassifierScale;
import io.s2l.classifier.ClassifierSettings;
import io.s2l.classifier.ClassifierTrainer;
import io.s2l.classifier.TrainedClassifier;
import io.s2l.corpus.BuiltinImages;
import io.s2l.corpus.ImageSet;
import io.s2l.lm.train.LmEngine;
import java.util.Arrays;

/** Small classifiers trained on the built-in 8x8 digits, a fraction of a second each. */
final class TrainedDigits {

  static final ImageSet DIGITS;

  static {
    // the classifier's engine settings (one thread) plus offline mode: no cloud-metadata probes
    LmEngine.start(1);
    DIGITS = BuiltinImages.load("digits");
  }

  private TrainedDigits() {}

  /** mlp-32 (2 hidden layers, 3,466 parameters) or cnn-8 (2 convolutions, 754), 5 epochs. */
  static TrainedClassifier train(String family) {
    int width = "mlp".equals(family) ? 32 : 8;
    ClassifierScale scale = new ClassifierScale(family + "-" + width, family, width, 2);
    return ClassifierTrainer.train(
        scale, ClassifierSettings.DEFAULTS.withEpochs(5), 1, DIGITS, null, ClassifierProgress.NONE);
  }

  static float[][] testPixels(int n) {
    return Arrays.copyOf(DIGITS.testPixels(), n);
  }

  static int[] testLabels(int n) {
    return Arrays.copyOf(DIGITS.testLabels(), n);
  }
}
