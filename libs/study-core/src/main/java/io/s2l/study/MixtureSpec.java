package io.s2l.study;

import static io.s2l.study.StudyLimits.MAX_SUBSET;
import static io.s2l.study.StudyLimits.WEIGHT_SUM_TOLERANCE;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * Adds an error for every problem of this distribution against the dataset's catalog.
   *
   * @param at this distribution's path, such as {@code distributions[1]}
   * @param names the names of the study's distributions before this one; this one's is added
   */
  public void validate(
      String at, Set<String> names, DomainCatalog catalog, List<FieldError> errors) {
    String problem = Names.distributionProblem(name);
    if (problem != null) {
      errors.add(new FieldError(at + ".name", problem));
    } else if (!names.add(name)) {
      errors.add(new FieldError(at + ".name", "duplicate distribution name '" + name + "'"));
    }
    if (subset != null) {
      validateSubset(at, catalog, errors);
      return;
    }
    if (DomainCatalog.IMAGE.equals(catalog.modality())) {
      errors.add(
          new FieldError(
              at + ".subset", "an image study trains on subsets of the pool: give subset"));
      return;
    }
    if (weights == null || weights.isEmpty()) {
      errors.add(new FieldError(at + ".weights", "at least one domain weight is required"));
      return;
    }
    double sum = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      String field = at + ".weights." + w.getKey();
      if (!catalog.domains().contains(w.getKey())) {
        errors.add(new FieldError(field, "unknown domain; available: " + catalog.domains()));
      } else if (w.getValue() == null || !(w.getValue() >= 0 && w.getValue() <= 1)) {
        errors.add(new FieldError(field, "must be a number between 0 and 1"));
      } else {
        sum += w.getValue();
      }
    }
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE
        && errors.stream().noneMatch(e -> e.field().startsWith(at + ".weights."))) {
      errors.add(new FieldError(at + ".weights", "must sum to 1 (they sum to " + sum + ")"));
    }
  }

  private void validateSubset(String at, DomainCatalog catalog, List<FieldError> errors) {
    if (weights != null) {
      errors.add(new FieldError(at, "give either weights or subset, not both"));
    }
    if (subset.isEmpty()) {
      errors.add(new FieldError(at + ".subset", "must name at least one training document"));
    } else if (subset.size() > MAX_SUBSET) {
      errors.add(new FieldError(at + ".subset", "at most " + MAX_SUBSET + " documents"));
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < subset.size(); i++) {
        String id = subset.get(i);
        if (id == null || !catalog.hasTrainingDocument(id)) {
          errors.add(
              new FieldError(
                  at + ".subset[" + i + "]", "no training document with id '" + id + "'"));
          return;
        }
        if (!seen.add(id)) {
          errors.add(
              new FieldError(
                  at + ".subset[" + i + "]", "'" + id + "' is named twice; ids must be distinct"));
          return;
        }
      }
    }
  }
}
