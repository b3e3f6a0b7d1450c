package io.s2l.featurize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The value of {@link LmOutput} for every example of an {@link LmBatch}, from the logits of its
 * windows, on the autograd path: per position a quantity q (the log-likelihood of the next byte, or
 * its log-odds for {@link LmOutput#MEAN_BYTE_MARGIN}), per sequence the weighted sum {@code v_s =
 * sum_n w_sn q_n}, then {@code f = v_0} or, for {@link LmOutput#CHOICE_MARGIN}, {@code f = v_y -
 * logsumexp_{c != y} v_c}. That log-sum-exp is shifted by the largest other choice, held constant,
 * as in {@link LogOddsMargin}; absent choices and the label enter it as -infinity, whose exponent
 * and gradient are exactly 0. Every constant is an array of the step's manager, never a Java number
 * (see {@code CausalSelfAttention.Step} in lm-core for why).
 */
final class LmOutputFunction {

  private LmOutputFunction() {}

  /**
   * @param logits (B, N, 256), position n of example b predicting {@code batch.targets[b][n]}
   * @param manager where the batch's constants are created (the step's manager)
   * @return (B) values of f
   */
  static NDArray values(NDArray logits, LmBatch batch, NDManager manager) {
    int examples = batch.examples;
    int n = batch.positions();
    NDArray q;
    if (batch.output == LmOutput.MEAN_BYTE_MARGIN) {
      NDArray flat = logits.reshape(Math.multiplyExact(examples, n), -1);
      q = LogOddsMargin.of(flat, batch.targetBytes(), manager).reshape(examples, n);
    } else {
      NDArray targets = manager.create(batch.targets, new Shape(examples, n, 1));
      q = logits.logSoftmax(-1).gather(targets, -1).reshape(examples, n);
    }
    NDArray weights = manager.create(batch.weights, new Shape(examples, batch.segments, n));
    NDArray v = q.expandDims(1).mul(weights).sum(new int[] {2}); // (B, S)
    if (batch.output != LmOutput.CHOICE_MARGIN) {
      return v.reshape(examples);
    }
    NDArray correct = v.gather(manager.create(batch.labels, new Shape(examples, 1)), 1);
    NDArray others = v.add(manager.create(batch.others, new Shape(examples, batch.segments)));
    NDArray shift = others.max(new int[] {1}, true).stopGradient();
    NDArray logSumExp = others.sub(shift).exp().sum(new int[] {1}, true).log().add(shift);
    return correct.sub(logSumExp).reshape(examples);
  }
}
