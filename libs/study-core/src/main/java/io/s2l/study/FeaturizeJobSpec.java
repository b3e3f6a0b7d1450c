package io.s2l.study;

import java.util.UUID;

/**
 * The payload of a featurisation job (docs/science.md section 3.2): the projected per-example
 * gradients of the model output function of one trained model, over the training pool or the test
 * set, for TRAK.
 *
 * <p>For a language model (a text study), {@code train} is the model's training pool (the documents
 * of its subset distribution, each its first 256 bytes, output: mean loss) and {@code test} the
 * examples of {@code targetSet}, in the set's order (docs/science.md section 3.1).
 *
 * @param studyId the study the model belongs to
 * @param runKey the model's training job key, {@code scale/distribution/seed}
 * @param dataset the image set or corpus
 * @param scale the model's scale
 * @param examples {@code train} (the pool) or {@code test} (the targets)
 * @param dimension k, the projected dimension
 * @param projectionSeed seed of the random projection; models featurised with the same seed share
 *     the projection
 * @param checkpoint which checkpoint of the model: null for the final model, c in 1 .. C - 1 for
 *     the snapshot its training kept after step {@code round(c T / C)}
 * @param targetSet text studies: the evaluation set whose examples are the targets; null for images
 */
public record FeaturizeJobSpec(
    UUID studyId,
    String runKey,
    String dataset,
    ModelScale scale,
    String examples,
    int dimension,
    long projectionSeed,
    Integer checkpoint,
    String targetSet) {

  public static final String TRAIN = "train";
  public static final String TEST = "test";

  /** The final model of an image classifier. */
  public FeaturizeJobSpec(
      UUID studyId,
      String runKey,
      String dataset,
      ModelScale scale,
      String examples,
      int dimension,
      long projectionSeed) {
    this(studyId, runKey, dataset, scale, examples, dimension, projectionSeed, null, null);
  }

  /** A key unique within the study. */
  public String key() {
    String key =
        "features/" + runKey + "/" + examples + "/k" + dimension + "/seed" + projectionSeed;
    return checkpoint == null ? key : key + "/checkpoint" + checkpoint;
  }
}
