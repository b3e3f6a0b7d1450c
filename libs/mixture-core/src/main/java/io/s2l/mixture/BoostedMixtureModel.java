package io.s2l.mixture;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted regression trees (XGBoost, squared error) of the loss on the mixture weights:
 * the non-linear alternative, as RegMix fits LightGBM. Depth-2 trees, learning rate 0.1, 200
 * rounds, one thread and a fixed seed, so that a fit is deterministic.
 */
public final class BoostedMixtureModel implements MixtureModel {

  static final int ROUNDS = 200;

  private final Booster booster;
  private final int domains;

  private BoostedMixtureModel(Booster booster, int domains) {
    this.booster = booster;
    this.domains = domains;
  }

  public static BoostedMixtureModel fit(double[][] weights, double[] losses, long seed) {
    Samples.check(weights, losses);
    int k = weights[0].length;
    try {
      DMatrix train = matrix(weights);
      float[] labels = new float[losses.length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = (float) losses[i];
      }
      train.setLabel(labels);
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "reg:squarederror");
      params.put("max_depth", 2);
      params.put("eta", 0.1);
      params.put("min_child_weight", 1);
      params.put("nthread", 1);
      params.put("seed", seed);
      params.put("verbosity", 0);
      Booster booster = XGBoost.train(train, params, ROUNDS, new HashMap<>(), null, null);
      train.dispose();
      return new BoostedMixtureModel(booster, k);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not fit the mixtures: " + e.getMessage(), e);
    }
  }

  @Override
  public double predict(double[] weights) {
    return predictAll(new double[][] {weights})[0];
  }

  /** Predictions for many mixtures at once. */
  public double[] predictAll(double[][] weights) {
    for (double[] w : weights) {
      if (w.length != domains) {
        throw new IllegalArgumentException(
            "a mixture of " + w.length + " domains; the model has " + domains);
      }
    }
    try {
      DMatrix m = matrix(weights);
      float[][] predictions = booster.predict(m);
      m.dispose();
      double[] out = new double[weights.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = predictions[i][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "xgboost";
  }

  private static DMatrix matrix(double[][] weights) throws XGBoostError {
    int k = weights[0].length;
    float[] data = new float[weights.length * k];
    for (int i = 0; i < weights.length; i++) {
      for (int d = 0; d < k; d++) {
        data[i * k + d] = (float) weights[i][d];
      }
    }
    return new DMatrix(data, weights.length, k, Float.NaN);
  }
}
