package io.s2l.classifier;

import ai.djl.ndarray.NDArray;

/** Softmax cross-entropy on the autograd path. */
final class CrossEntropy {

  private CrossEntropy() {}

  /**
   * -log softmax(logits)[label] for every example.
   *
   * @param logits (B, classes)
   * @param labels (B) class ids, INT64
   * @return (B) losses in nats
   */
  static NDArray perExample(NDArray logits, NDArray labels) {
    return logits.logSoftmax(-1).gather(labels.expandDims(-1), -1).squeeze(-1).neg();
  }
}
