package io.s2l.attribution;

import java.util.Objects;

/**
 * The TRAK inputs of one trained model m (docs/science.md section 3.3): the projected gradients of
 * the training pool, Phi_m (n x k, row i = phi_i = P^T grad f(z_i; theta_m)), and of the targets,
 * Phi_t,m (t x k, same projection P), and optionally the diagonal of Q_m, q_i = 1 - p_i with p_i
 * the model's probability of example i's correct class. The q array is used as is, not copied.
 *
 * @param train pool features, n x k
 * @param targets target features, t x k, same k
 * @param q one finite value per pool example, or null when not recorded
 */
public record ModelFeatures(FeatureRows train, FeatureRows targets, float[] q) {

  /**
   * @throws IllegalArgumentException if the dimensions differ, or q does not have one finite value
   *     per pool example
   */
  public ModelFeatures {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(targets, "targets");
    if (train.dimension() != targets.dimension()) {
      throw new IllegalArgumentException(
          "train features have dimension "
              + train.dimension()
              + " but target features "
              + targets.dimension()
              + "; both must come from the same projection");
    }
    if (q != null) {
      if (q.length != train.rows()) {
        throw new IllegalArgumentException(
            "q has " + q.length + " values but the pool has " + train.rows() + " examples");
      }
      Checks.finite("q", q);
    }
  }

  /** Features without Q. */
  public static ModelFeatures of(FeatureRows train, FeatureRows targets) {
    return new ModelFeatures(train, targets, null);
  }

  /** Whether q was recorded. */
  public boolean hasQ() {
    return q != null;
  }
}
