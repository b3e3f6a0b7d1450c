package io.s2l.api.attribution;

/**
 * The attribution settings of a study as it was submitted; every field is present and null where
 * the study left it to its default.
 *
 * @param modelsPerScale M, the models per scale TRAK ensembles over
 * @param dimension k, the projected dimension of the features
 * @param projectionSeed seed of the random projection
 * @param lambda ridge term of the kernel
 * @param useQ whether TRAK's {@code Q = diag(1 - p_i)} was applied
 * @param targets how many test examples are targets (all when null)
 * @param lasso whether a LASSO datamodel was fitted as a check
 * @param checkpoints C, the checkpoints per pool model TRAK ensembled over (1 when null)
 * @param targetSet text studies: the evaluation set whose examples are the targets
 * @param poolSize text studies: the documents sampled from the corpus as the pool (all when null)
 * @param poolSeed text studies: the seed of that sample (0 when null)
 */
public record AttributionSettings(
    Integer modelsPerScale,
    Integer dimension,
    Long projectionSeed,
    Double lambda,
    Boolean useQ,
    Integer targets,
    Boolean lasso,
    Integer checkpoints,
    String targetSet,
    Integer poolSize,
    Long poolSeed) {}
