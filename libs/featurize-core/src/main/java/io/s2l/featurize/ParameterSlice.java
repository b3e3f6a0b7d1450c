package io.s2l.featurize;

import ai.djl.ndarray.types.Shape;

/**
 * Where one parameter sits in a flattened gradient: elements {@code offset .. offset + size - 1},
 * row-major in the parameter's own shape.
 *
 * @param name DJL's parameter name, e.g. {@code 01hidden0_weight}
 * @param shape the parameter's shape, e.g. (out, in) for a linear weight
 * @param offset index of its first element in the flattened vector
 */
public record ParameterSlice(String name, Shape shape, int offset) {

  public int size() {
    return Math.toIntExact(shape.size());
  }
}
