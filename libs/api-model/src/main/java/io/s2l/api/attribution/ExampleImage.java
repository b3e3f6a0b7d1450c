package io.s2l.api.attribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One image of a built-in image set. Every field is required but {@code score}, which only ranked
 * pool examples have (the target has none).
 *
 * @param index its index in its split
 * @param id its stable id
 * @param label its class
 * @param image link to it as SVG
 * @param pixels grey levels in [0, 1], row-major
 * @param score TRAK's estimate of how much it raises the target's correct-class margin
 */
public record ExampleImage(
    @JsonProperty(required = true) int index,
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) int label,
    @JsonProperty(required = true) String image,
    @JsonProperty(required = true) List<Float> pixels,
    @JsonInclude(JsonInclude.Include.NON_NULL) Float score) {

  /** This image ranked with a score. */
  public ExampleImage scored(float score) {
    return new ExampleImage(index, id, label, image, pixels, score);
  }
}
