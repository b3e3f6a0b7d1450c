package io.s2l.experiment.catalog;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.Document;
import io.s2l.study.DomainCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The built-in data as the catalog studies are validated against: the corpus's domains, and as
 * evaluation sets the held-out text of each domain followed by the task sets (cloze, quiz,
 * grammatical minimal pairs).
 */
@Component
class BuiltinCatalog implements DomainCatalog {

  private final List<String> domains = BuiltinCorpus.manifest().domainNames();
  private final Map<String, Set<String>> trainingIds = new ConcurrentHashMap<>();
  private final List<String> evalSets =
      Stream.concat(BuiltinCorpus.evalSets().stream(), BuiltinEvalSets.names().stream()).toList();

  @Override
  public List<String> domains() {
    return domains;
  }

  @Override
  public List<String> evalSets() {
    return evalSets;
  }

  /** Every training document's id, read once: expanding any study asks for them. */
  private volatile List<String> trainingDocumentIds;

  @Override
  public List<String> trainingDocumentIds() {
    List<String> ids = trainingDocumentIds;
    if (ids == null) {
      // two first callers may both read the corpus; either result is the same list
      ids =
          domains.stream().flatMap(d -> BuiltinCorpus.train(d).stream().map(Document::id)).toList();
      trainingDocumentIds = ids;
    }
    return ids;
  }

  /** Ids are {@code <domain>-<number>}; a domain's ids are read once, when first asked for. */
  @Override
  public boolean hasTrainingDocument(String id) {
    int dash = id.lastIndexOf('-');
    if (dash <= 0 || !domains.contains(id.substring(0, dash))) {
      return false;
    }
    return trainingIds
        .computeIfAbsent(
            id.substring(0, dash),
            domain ->
                BuiltinCorpus.train(domain).stream().map(Document::id).collect(Collectors.toSet()))
        .contains(id);
  }
}
