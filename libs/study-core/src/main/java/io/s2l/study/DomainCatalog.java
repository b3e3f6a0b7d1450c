package io.s2l.study;

import java.util.List;
import java.util.Optional;

/** What a dataset offers a study: its domains and its evaluation sets. */
public interface DomainCatalog {

  /** Domain names, in a stable order. */
  List<String> domains();

  /** Evaluation set names, in a stable order. */
  List<String> evalSets();

  /** Whether a training document (or image) with this id exists (for subset distributions). */
  boolean hasTrainingDocument(String id);

  /** Every training document (or image) id: the pool random subsets are drawn from. */
  List<String> trainingDocumentIds();

  /** {@code text} for corpora (language models), {@code image} for image sets (classifiers). */
  default String modality() {
    return TEXT;
  }

  /** An image set's shape, which the compute of its classifiers depends on; empty for corpora. */
  default Optional<ImageGeometry> imageGeometry() {
    return Optional.empty();
  }

  String TEXT = "text";
  String IMAGE = "image";
}
