package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The model output function of TRAK for classification on the autograd path: the correct-class
 * log-odds {@code f = log(p_y / (1 - p_y)) = z_y - logsumexp_{j != y} z_j} (as in {@code
 * ClassifierEvaluation}). The log-sum-exp is shifted by the largest other logit, held constant
 * ({@code stopGradient}), so every exponent is at most 0 and the sum is at least 1: no overflow, no
 * log of 0, and the gradient is exactly {@code e_y - softmax over the others}. No Java scalar
 * operand appears on the autograd path.
 */
final class LogOddsMargin {

  private LogOddsMargin() {}

  /**
   * @param logits (B, C)
   * @param labels B correct classes
   * @param manager where the index arrays live (the step's manager)
   * @return (B) margins
   */
  static NDArray of(NDArray logits, int[] labels, NDManager manager) {
    Shape shape = logits.getShape();
    int rows = Math.toIntExact(shape.get(0));
    int classes = Math.toIntExact(shape.get(1));
    if (rows != labels.length) {
      throw new IllegalArgumentException(rows + " rows of logits but " + labels.length + " labels");
    }
    long[] correct = new long[rows];
    long[] others = new long[rows * (classes - 1)];
    for (int i = 0; i < rows; i++) {
      int y = labels[i];
      if (y < 0 || y >= classes) {
        throw new IllegalArgumentException(
            "label %d of example %d is outside [0, %d)".formatted(y, i, classes));
      }
      correct[i] = y;
      int o = i * (classes - 1);
      for (int j = 0; j < classes; j++) {
        if (j != y) {
          others[o++] = j;
        }
      }
    }
    NDArray zy = logits.gather(manager.create(correct, new Shape(rows, 1)), 1);
    NDArray zo = logits.gather(manager.create(others, new Shape(rows, classes - 1)), 1);
    NDArray shift = zo.max(new int[] {1}, true).stopGradient();
    NDArray logSumExp = zo.sub(shift).exp().sum(new int[] {1}, true).log().add(shift);
    return zy.sub(logSumExp).squeeze(1);
  }
}
