package io.s2l.study;

import static io.s2l.study.FieldChecks.range;
import static io.s2l.study.StudyLimits.MAX_DIRICHLET_COUNT;
import static io.s2l.study.StudyLimits.MAX_DISTRIBUTIONS;

import java.util.List;

/**
 * Mixtures the study asks s2l to generate in addition to its explicit ones.
 *
 * @param dirichlet random mixtures drawn from a symmetric Dirichlet, or null for none
 * @param leaveOneOut one mixture per domain: uniform over every other domain
 * @param randomSubsets random subsets of the training pool (datamodel and attribution studies)
 */
public record GeneratedMixtures(
    Dirichlet dirichlet, Boolean leaveOneOut, RandomSubsets randomSubsets) {

  public GeneratedMixtures(Dirichlet dirichlet, Boolean leaveOneOut) {
    this(dirichlet, leaveOneOut, null);
  }

  /**
   * @param count how many subsets
   * @param fraction the share alpha of the pool in each subset, drawn without replacement
   * @param seed seed of the draws: same seed, same subsets
   */
  public record RandomSubsets(Integer count, Double fraction, Long seed) {}

  /**
   * @param count how many mixtures to draw
   * @param alpha concentration; 1 is uniform over the simplex, small values give peaked mixtures
   * @param seed seed of the generator: same seed, same mixtures
   */
  public record Dirichlet(Integer count, Double alpha, Long seed) {}

  /** Adds an error for every generator setting out of its bounds. */
  public void validate(List<FieldError> errors) {
    if (dirichlet != null) {
      range(errors, "generated.dirichlet.count", dirichlet.count(), 1, MAX_DIRICHLET_COUNT);
      if (dirichlet.alpha() == null || !(dirichlet.alpha() > 0 && dirichlet.alpha() <= 1000)) {
        errors.add(new FieldError("generated.dirichlet.alpha", "must be > 0 and <= 1000"));
      }
      if (dirichlet.seed() == null) {
        errors.add(new FieldError("generated.dirichlet.seed", "is required"));
      }
    }
    if (randomSubsets != null) {
      range(errors, "generated.randomSubsets.count", randomSubsets.count(), 1, MAX_DISTRIBUTIONS);
      Double fraction = randomSubsets.fraction();
      if (fraction == null || !(fraction > 0 && fraction <= 1)) {
        errors.add(new FieldError("generated.randomSubsets.fraction", "must be > 0 and <= 1"));
      }
      if (randomSubsets.seed() == null) {
        errors.add(new FieldError("generated.randomSubsets.seed", "is required"));
      }
    }
  }

  /** How many distributions these generators make from a dataset with this catalog. */
  public int count(DomainCatalog catalog) {
    int count = 0;
    if (dirichlet != null && dirichlet.count() != null) {
      count += Math.max(0, dirichlet.count());
    }
    if (Boolean.TRUE.equals(leaveOneOut)) {
      count += catalog.domains().size();
    }
    if (randomSubsets != null && randomSubsets.count() != null) {
      count += Math.max(0, randomSubsets.count());
    }
    return count;
  }
}
