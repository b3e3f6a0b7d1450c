/**
 * Data attribution (docs/science.md section 3): TRAK scores from projected per-example features in
 * bounded memory, LASSO datamodels, the linear datamodeling score (LDS), order similarity between
 * the attributions of two scales, and the most helpful and harmful training examples of a target.
 *
 * <p>Conventions shared by every class:
 *
 * <ul>
 *   <li>Attribution scores are a {@link io.s2l.attribution.Scores} matrix, targets x pool,
 *       row-major. tau(z)_i is the linear datamodel weight of pool example i for target z: its
 *       predicted effect on the model output f(z) (the correct-class margin log(p / (1 - p))) of
 *       including i in the training set. Positive = helpful (raises the margin), negative =
 *       harmful.
 *   <li>Features are float32, streamed in row chunks through {@link
 *       io.s2l.attribution.FeatureRows}; the heavy linear algebra runs in OpenBLAS (bytedeco
 *       presets), everything else is plain Java.
 *   <li>Bad shapes and arguments fail with {@link java.lang.IllegalArgumentException} saying what
 *       is wrong; a statistic that is undefined for valid input (a Spearman correlation of a
 *       constant vector) is NaN and counted, never thrown.
 *   <li>Randomness (folds, bootstrap) is driven by an explicit seed.
 * </ul>
 *
 * <p>References: Park, Georgiev, Ilyas, Leclerc, Madry, "TRAK: Attributing Model Behavior at Scale"
 * (ICML 2023); Ilyas, Park, Engstrom, Leclerc, Madry, "Datamodels: Predicting Predictions from
 * Training Data" (ICML 2022); Khaddaj, Engstrom, Madry, "Small-to-Large Generalization: Data
 * Influences Models Consistently Across Scale" (arXiv 2505.16260).
 */
package io.s2l.attribution;
