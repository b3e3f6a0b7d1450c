package io.s2l.experiment.dataset;

import io.s2l.corpus.upload.CorpusIndex;
import io.s2l.experiment.config.ExperimentProperties;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Indexes, once, the corpora uploaded before their indexes were kept at upload: a migration cannot
 * read the artifact store. Runs at start-up after the migrations and before the web server takes
 * requests, so no submission ever finds a corpus unindexed because the service just started; each
 * file is read once, outside any submission. A corpus whose file cannot be read is logged and left
 * unindexed: studies cannot use it until it is uploaded again, and the next start-up tries again.
 */
@Component
class CorpusIndexer implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(CorpusIndexer.class);

  private final CorpusIndexes indexes;
  private final ExperimentProperties properties;

  CorpusIndexer(CorpusIndexes indexes, ExperimentProperties properties) {
    this.indexes = indexes;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    indexMissing();
  }

  /** Indexes every corpus without an index; returns how many were indexed. */
  int indexMissing() {
    int indexed = 0;
    for (CorpusIndexes.Unindexed corpus : indexes.missing()) {
      try {
        CorpusIndex index = CorpusIndex.read(properties.artifacts().resolve(corpus.path()));
        indexes.store(corpus.id(), index);
        indexed++;
        log.info(
            "indexed uploaded corpus {}: {} training documents", corpus.id(), index.ids().size());
      } catch (UncheckedIOException e) {
        log.warn(
            "cannot index uploaded corpus {} ({}); studies cannot use it until it is uploaded"
                + " again; the next start-up tries again",
            corpus.id(),
            e.getCause().getMessage());
      }
    }
    return indexed;
  }
}
