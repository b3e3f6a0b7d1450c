package io.s2l.study;

import java.util.UUID;

/**
 * The payload of a featurisation job (docs/science.md section 3.2): the projected per-example
 * gradients of the model output function of one trained model, over the training pool or the test
 * set, for TRAK.
 *
 * @param studyId the study the model belongs to
 * @param runKey the model's training job key, {@code scale/distribution/seed}
 * @param dataset the image set
 * @param scale the model's scale
 * @param examples {@code train} (the pool) or {@code test}
 * @param dimension k, the projected dimension
 * @param projectionSeed seed of the random projection; models featurised with the same seed share
 *     the projection
 */
public record FeaturizeJobSpec(
    UUID studyId,
    String runKey,
    String dataset,
    ModelScale scale,
    String examples,
    int dimension,
    long projectionSeed) {

  public static final String TRAIN = "train";
  public static final String TEST = "test";

  /** A key unique within the study. */
  public String key() {
    return "features/" + runKey + "/" + examples + "/k" + dimension + "/seed" + projectionSeed;
  }
}
