package io.s2l.featurize;

import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.train.LmEngine;
import io.s2l.lm.train.LmTrainer;
import io.s2l.lm.train.TrainedModel;
import io.s2l.study.MixtureSpec;
import io.s2l.study.ModelScale;
import io.s2l.study.TrainingJobSpec;
import io.s2l.study.TrainingSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A tiny transformer (d 32, 2 blocks, 4 heads, context 32) trained briefly on literature. */
final class TinyLm {

  static final ModelScale TINY = new ModelScale("tiny", 32, 2, 4, 32);

  private TinyLm() {}

  static TrainedModel train() {
    LmEngine.start(1);
    Map<String, DomainText> texts =
        Map.of("literature", DomainText.of("literature", BuiltinCorpus.train("literature")));
    TrainingJobSpec job =
        new TrainingJobSpec(
            "builtin",
            TINY,
            new MixtureSpec("literature", Map.of("literature", 1.0)),
            3,
            0.5,
            List.of(),
            new TrainingSettings(8, 3e-3, 0.1, 0.01, 1.0));
    return LmTrainer.train(job, texts, (s, t, l) -> {});
  }

  /** The model's parameters flattened in {@code layout}'s order. */
  static float[] parameters(TrainedModel model, List<ParameterSlice> layout, int count) {
    PairList<String, Parameter> parameters = model.network().getParameters();
    float[] theta = new float[count];
    for (ParameterSlice slice : layout) {
      float[] values = parameters.get(slice.name()).getArray().toFloatArray();
      System.arraycopy(values, 0, theta, slice.offset(), values.length);
    }
    return theta;
  }

  /** Sets the model's parameters from a vector in {@code layout}'s order. */
  static void setParameters(TrainedModel model, List<ParameterSlice> layout, float[] theta) {
    PairList<String, Parameter> parameters = model.network().getParameters();
    for (ParameterSlice slice : layout) {
      parameters
          .get(slice.name())
          .getArray()
          .set(Arrays.copyOfRange(theta, slice.offset(), slice.offset() + slice.size()));
    }
  }

  /**
   * The slope of f along the unit gradient direction u = g / |g| by a central difference, {@code
   * (f(theta + h u) - f(theta - h u)) / 2h = |g| + O(h^2)}; the parameters are restored after.
   */
  static double centralDifference(
      TrainedModel model,
      List<ParameterSlice> layout,
      float[] gradient,
      float h,
      java.util.function.DoubleSupplier f) {
    double norm = norm(gradient);
    float[] theta = parameters(model, layout, gradient.length);
    double[] values = new double[2];
    for (int side = 0; side < 2; side++) {
      float[] moved = theta.clone();
      for (int t = 0; t < moved.length; t++) {
        moved[t] += (side == 0 ? h : -h) * (float) (gradient[t] / norm);
      }
      setParameters(model, layout, moved);
      values[side] = f.getAsDouble();
    }
    setParameters(model, layout, theta);
    return (values[0] - values[1]) / (2 * h);
  }

  static double norm(float[] g) {
    double sum = 0;
    for (float v : g) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum);
  }
}
