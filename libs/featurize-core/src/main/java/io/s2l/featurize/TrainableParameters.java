package io.s2l.featurize;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trainable parameters of a block in DJL's order, how they flatten into one gradient vector,
 * and the generic single-example path: fresh detached copies of every parameter handed to the
 * block's own forward through a {@link ParameterStore}, one backward, the copies' gradients read
 * out. The model's parameters and their gradient buffers are never touched.
 */
final class TrainableParameters {

  /** The model output function of one example, built on the block's forward with {@code store}. */
  @FunctionalInterface
  interface OutputFunction {

    /**
     * @param manager the example's manager: create every array (inputs, constants) here
     * @return a one-element array, f(z)
     */
    NDArray apply(NDManager manager, ParameterStore store);
  }

  /** The model output function of a batch, built on per-example copies of the parameters. */
  @FunctionalInterface
  interface BatchedOutputFunction {

    /**
     * @param manager the step's manager: create every array (inputs, constants) here
     * @param copies per-example copies (B, ...) of every parameter, in {@link #layout()}'s order
     * @return (B) values of f, one per example
     */
    NDArray apply(NDManager manager, NDList copies);
  }

  /**
   * Per-example gradients as a {@code (B, p)} array in {@code manager}, row b flattened in layout
   * order, and the B values of f they are gradients of.
   */
  record Batch(NDArray gradients, float[] values) {}

  private final List<Parameter> parameters;
  private final List<ParameterSlice> layout;
  private final int count;

  private TrainableParameters(List<Parameter> parameters, List<ParameterSlice> layout, int count) {
    this.parameters = parameters;
    this.layout = layout;
    this.count = count;
  }

  static TrainableParameters of(Block block) {
    List<Parameter> parameters = new ArrayList<>();
    List<ParameterSlice> layout = new ArrayList<>();
    long offset = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter parameter = p.getValue();
      if (!parameter.requiresGradient()) {
        continue;
      }
      Shape shape = parameter.getArray().getShape();
      parameters.add(parameter);
      layout.add(new ParameterSlice(p.getKey(), shape, Math.toIntExact(offset)));
      offset += shape.size();
    }
    return new TrainableParameters(
        List.copyOf(parameters), List.copyOf(layout), Math.toIntExact(offset));
  }

  List<Parameter> parameters() {
    return parameters;
  }

  List<ParameterSlice> layout() {
    return layout;
  }

  int count() {
    return count;
  }

  /** Detached copies of every parameter's value, owned by {@code manager}, in order. */
  NDList copies(NDManager manager) {
    NDList copies = new NDList(parameters.size());
    for (Parameter parameter : parameters) {
      // duplicate() is created in the parameter's (the model's) manager: move it out at once
      NDArray copy = parameter.getArray().duplicate();
      copy.attach(manager);
      copies.add(copy);
    }
    return copies;
  }

  /**
   * The weight-copies trick: every parameter repeated B times along a new leading dimension, {@code
   * function} evaluated on those copies, one backward of {@code sum_b f_b}, which leaves {@code
   * grad f_b} in copy b. Everything but the returned gradients lives in a sub-manager closed before
   * returning.
   */
  Batch backwardBatched(NDManager manager, int rows, BatchedOutputFunction function) {
    try (NDManager step = manager.newSubManager()) {
      NDList copies = new NDList(parameters.size());
      for (NDArray parameter : copies(step)) {
        NDArray copy = parameter.expandDims(0).repeat(0, rows);
        copy.setRequiresGradient(true);
        copies.add(copy);
      }
      float[] values;
      try (GradientCollector collector = step.getEngine().newGradientCollector()) {
        NDArray f = function.apply(step, copies);
        collector.backward(f.sum());
        values = f.toFloatArray();
      }
      NDList rowsOf = new NDList(copies.size());
      for (NDArray copy : copies) {
        rowsOf.add(copy.getGradient().reshape(rows, -1));
      }
      NDArray flat = NDArrays.concat(rowsOf, 1);
      flat.attach(manager);
      return new Batch(flat, values);
    }
  }

  /**
   * One example's gradient by one backward, written to {@code out[offset .. offset + p)}.
   *
   * @return f(z)
   */
  float backwardOne(NDManager parent, OutputFunction function, float[] out, int offset) {
    try (NDManager one = parent.newSubManager()) {
      NDList copies = copies(one);
      Map<String, NDArray> byId = new HashMap<>();
      for (int s = 0; s < parameters.size(); s++) {
        NDArray copy = copies.get(s);
        copy.setRequiresGradient(true);
        byId.put(parameters.get(s).getId(), copy);
      }
      float value;
      try (GradientCollector collector = one.getEngine().newGradientCollector()) {
        NDArray f = function.apply(one, new CopiedParameters(one, byId));
        collector.backward(f.sum());
        value = f.sum().getFloat();
      }
      for (int s = 0; s < parameters.size(); s++) {
        float[] g = copies.get(s).getGradient().toFloatArray();
        System.arraycopy(g, 0, out, offset + layout.get(s).offset(), g.length);
      }
      return value;
    }
  }

  /** A parameter store that hands a block one example's own copies of its parameters. */
  private static final class CopiedParameters extends ParameterStore {
    private final Map<String, NDArray> copies;

    CopiedParameters(NDManager manager, Map<String, NDArray> copies) {
      super(manager, false);
      this.copies = copies;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
      NDArray copy = copies.get(parameter.getId());
      if (copy == null) {
        throw new IllegalStateException("no copy of parameter " + parameter.getName());
      }
      return copy;
    }
  }
}
