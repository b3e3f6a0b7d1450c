package io.s2l.experiment.study;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.study.DomainCatalog;
import java.util.List;
import org.springframework.stereotype.Component;

/** The built-in corpus as the catalog studies are validated against. */
@Component
class BuiltinCatalog implements DomainCatalog {

  private final List<String> domains = BuiltinCorpus.manifest().domainNames();
  private final List<String> evalSets = BuiltinCorpus.evalSets();

  @Override
  public List<String> domains() {
    return domains;
  }

  @Override
  public List<String> evalSets() {
    return evalSets;
  }
}
