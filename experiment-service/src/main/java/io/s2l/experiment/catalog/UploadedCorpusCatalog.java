package io.s2l.experiment.catalog;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.upload.CorpusIndex;
import io.s2l.study.DomainCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An uploaded corpus as a study catalog, from its stored index: its domains, and the held-out set
 * of each domain that has one.
 */
final class UploadedCorpusCatalog implements DomainCatalog {

  private final CorpusIndex index;
  private final List<String> evalSets;
  private Set<String> idSet;

  UploadedCorpusCatalog(CorpusIndex index) {
    this.index = index;
    this.evalSets =
        index.heldoutDomains().stream().map(d -> BuiltinCorpus.HELDOUT_PREFIX + d).toList();
  }

  @Override
  public List<String> domains() {
    return index.domains();
  }

  @Override
  public List<String> evalSets() {
    return evalSets;
  }

  @Override
  public boolean hasTrainingDocument(String id) {
    if (idSet == null) {
      idSet = new HashSet<>(index.ids()); // only mixtures naming documents ask
    }
    return idSet.contains(id);
  }

  @Override
  public List<String> trainingDocumentIds() {
    return index.ids();
  }
}
