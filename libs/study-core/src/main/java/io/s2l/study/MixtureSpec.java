package io.s2l.study;

import java.util.List;
import java.util.Map;

/**
 * A training distribution: a mixture of named data domains, or an explicit subset of the dataset's
 * training documents (a pool, for attribution and selection studies). Exactly one of {@code
 * weights} and {@code subset} is given.
 *
 * @param name unique within a study
 * @param weights domain name to weight; non-negative, summing to 1 (within 1e-6)
 * @param subset training document ids (such as {@code literature-000042}); the model trains on
 *     these documents only, each document's windows drawn uniformly
 */
public record MixtureSpec(String name, Map<String, Double> weights, List<String> subset) {

  /** A mixture of domains. */
  public MixtureSpec(String name, Map<String, Double> weights) {
    this(name, weights, null);
  }

  public boolean hasSubset() {
    return subset != null;
  }
}
