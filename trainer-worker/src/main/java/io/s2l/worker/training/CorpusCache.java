package io.s2l.worker.training;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.train.LmTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The built-in corpus, decompressed once per worker process and kept for every later job. */
@Component
class CorpusCache {

  private volatile Map<String, DomainText> trainTexts;
  private final Map<String, List<String>> heldout = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Document>> byId = new ConcurrentHashMap<>();
  private final Map<String, List<EvalExample>> tasks = new ConcurrentHashMap<>();

  Map<String, DomainText> trainTexts(String dataset) {
    requireBuiltin(dataset);
    if (trainTexts == null) {
      synchronized (this) {
        if (trainTexts == null) {
          Map<String, DomainText> texts = new LinkedHashMap<>();
          for (String domain : BuiltinCorpus.manifest().domainNames()) {
            texts.put(domain, DomainText.of(domain, BuiltinCorpus.train(domain)));
          }
          trainTexts = Map.copyOf(texts);
        }
      }
    }
    return trainTexts;
  }

  /** The text of a subset distribution: its training documents, in the order given. */
  Map<String, DomainText> subsetText(String dataset, List<String> ids) {
    requireBuiltin(dataset);
    List<Document> documents = new java.util.ArrayList<>(ids.size());
    for (String id : ids) {
      int dash = id.lastIndexOf('-');
      Document d = dash <= 0 ? null : documents(id.substring(0, dash)).get(id);
      if (d == null) {
        throw new IllegalArgumentException("no training document with id '" + id + "'");
      }
      documents.add(d);
    }
    return Map.of(LmTrainer.SUBSET, DomainText.of(LmTrainer.SUBSET, documents));
  }

  private Map<String, Document> documents(String domain) {
    if (!BuiltinCorpus.manifest().domainNames().contains(domain)) {
      return Map.of();
    }
    return byId.computeIfAbsent(
        domain,
        d ->
            BuiltinCorpus.train(d).stream()
                .collect(java.util.stream.Collectors.toMap(Document::id, doc -> doc)));
  }

  /** The texts of a held-out evaluation set ({@code heldout/<domain>}), in a fixed order. */
  List<String> heldout(String dataset, String name) {
    requireBuiltin(dataset);
    String domain = name.substring(BuiltinCorpus.HELDOUT_PREFIX.length());
    return heldout.computeIfAbsent(
        name, n -> BuiltinCorpus.heldout(domain).stream().map(Document::text).toList());
  }

  /** The examples of a task evaluation set (cloze, quiz, multiple choice), in a fixed order. */
  List<EvalExample> task(String dataset, String name) {
    requireBuiltin(dataset);
    return tasks.computeIfAbsent(name, BuiltinEvalSets::load);
  }

  private static void requireBuiltin(String dataset) {
    if (!BuiltinCorpus.DATASET.equals(dataset)) {
      throw new IllegalArgumentException("unknown dataset '" + dataset + "'");
    }
  }
}
