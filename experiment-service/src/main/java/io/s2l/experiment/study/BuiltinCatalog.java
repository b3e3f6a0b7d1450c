package io.s2l.experiment.study;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.study.DomainCatalog;
import java.util.List;
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
}
