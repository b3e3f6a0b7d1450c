package io.s2l.experiment.catalog;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.Document;
import io.s2l.corpus.upload.UploadedCorpus;
import io.s2l.study.DomainCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An uploaded corpus as a study catalog: its domains, and the held-out set of each domain. */
final class UploadedCorpusCatalog implements DomainCatalog {

  private final List<String> domains;
  private final List<String> evalSets;
  private final List<String> ids;
  private final Set<String> idSet;

  UploadedCorpusCatalog(Path file) {
    UploadedCorpus corpus = UploadedCorpus.read(file);
    this.domains = List.copyOf(corpus.train().keySet());
    this.evalSets =
        corpus.heldout().keySet().stream().map(d -> BuiltinCorpus.HELDOUT_PREFIX + d).toList();
    this.ids = corpus.train().values().stream().flatMap(List::stream).map(Document::id).toList();
    this.idSet = ids.stream().collect(Collectors.toSet());
  }

  @Override
  public List<String> domains() {
    return domains;
  }

  @Override
  public List<String> evalSets() {
    return evalSets;
  }

  @Override
  public boolean hasTrainingDocument(String id) {
    return idSet.contains(id);
  }

  @Override
  public List<String> trainingDocumentIds() {
    return ids;
  }
}
