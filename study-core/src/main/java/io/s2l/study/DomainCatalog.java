package io.s2l.study;

import java.util.List;

/** What a dataset offers a study: its domains and its evaluation sets. */
public interface DomainCatalog {

  /** Domain names, in a stable order. */
  List<String> domains();

  /** Evaluation set names, in a stable order. */
  List<String> evalSets();

  /** Whether a training document with this id exists (for subset distributions). */
  boolean hasTrainingDocument(String id);
}
