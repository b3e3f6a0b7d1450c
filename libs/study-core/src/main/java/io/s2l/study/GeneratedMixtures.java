package io.s2l.study;

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
}
