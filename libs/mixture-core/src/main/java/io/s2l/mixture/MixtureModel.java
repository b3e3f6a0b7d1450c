package io.s2l.mixture;

/** A regression of a target loss on the weights of a training mixture. */
public interface MixtureModel {

  /** The predicted loss after training on a mixture with these domain weights. */
  double predict(double[] weights);

  /** {@code linear} or {@code xgboost}. */
  String name();
}
