package io.s2l.worker.training;

import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.corpus.upload.StoredUploads;
import io.s2l.corpus.upload.UploadedCorpus;
import io.s2l.corpus.upload.UploadedEvalSet;
import io.s2l.lm.data.DomainText;
import io.s2l.lm.train.LmTrainer;
import io.s2l.worker.config.WorkerProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The text datasets a worker trains and evaluates on, read once per process and kept: the built-in
 * corpus, and corpora and evaluation sets users uploaded (files {@code datasets/<id>.jsonl} of the
 * artifact store, split into training and held-out documents by {@link UploadedCorpus}).
 */
@Component
public class CorpusCache {

  private final Path artifacts;
  private final Map<String, Corpus> corpora = new ConcurrentHashMap<>();
  private final Map<String, Map<String, DomainText>> texts = new ConcurrentHashMap<>();
  private final Map<String, UploadedEvalSet> uploadedEvalSets = new ConcurrentHashMap<>();
  private final Map<String, List<EvalExample>> builtinTasks = new ConcurrentHashMap<>();

  public CorpusCache(WorkerProperties properties) {
    this.artifacts = properties.artifacts();
  }

  /** Every domain's training text. */
  Map<String, DomainText> trainTexts(String dataset) {
    return texts.computeIfAbsent(
        dataset,
        d -> {
          Map<String, DomainText> byDomain = new LinkedHashMap<>();
          corpus(d)
              .train()
              .forEach((domain, docs) -> byDomain.put(domain, DomainText.of(domain, docs)));
          return Map.copyOf(byDomain);
        });
  }

  /** The text of a subset distribution: its training documents, in the order given. */
  Map<String, DomainText> subsetText(String dataset, List<String> ids) {
    return Map.of(LmTrainer.SUBSET, DomainText.of(LmTrainer.SUBSET, subsetDocuments(dataset, ids)));
  }

  /** The training documents of a subset distribution, in the order given. */
  public List<Document> subsetDocuments(String dataset, List<String> ids) {
    Corpus corpus = corpus(dataset);
    List<Document> documents = new ArrayList<>(ids.size());
    for (String id : ids) {
      Document d = corpus.byId().get(id);
      if (d == null) {
        throw new IllegalArgumentException("no training document with id '" + id + "'");
      }
      documents.add(d);
    }
    return documents;
  }

  /** Every domain's training documents, in a fixed order. */
  public Map<String, List<Document>> trainDocuments(String dataset) {
    return java.util.Collections.unmodifiableMap(corpus(dataset).train());
  }

  /** The texts of a held-out evaluation set ({@code heldout/<domain>}), in a fixed order. */
  List<String> heldout(String dataset, String name) {
    return heldoutDocuments(dataset, name).stream().map(Document::text).toList();
  }

  /** The documents of a held-out evaluation set ({@code heldout/<domain>}), in a fixed order. */
  public List<Document> heldoutDocuments(String dataset, String name) {
    String domain = name.substring(BuiltinCorpus.HELDOUT_PREFIX.length());
    List<Document> docs = corpus(dataset).heldout().get(domain);
    if (docs == null) {
      throw new IllegalArgumentException(
          "dataset " + dataset + " has no evaluation set '" + name + "'");
    }
    return docs;
  }

  /** A task evaluation set: built-in (cloze, quiz, grammar) or uploaded ({@code upload/<id>}). */
  public UploadedEvalSet task(String name) {
    if (name.startsWith(StoredUploads.EVALSET_PREFIX)) {
      return uploadedEvalSets.computeIfAbsent(
          name,
          n -> UploadedEvalSet.read(file(n.substring(StoredUploads.EVALSET_PREFIX.length()))));
    }
    var entry = BuiltinEvalSets.entry(name);
    List<EvalExample> examples = builtinTasks.computeIfAbsent(name, BuiltinEvalSets::load);
    return new UploadedEvalSet(entry.kind(), examples);
  }

  private Corpus corpus(String dataset) {
    return corpora.computeIfAbsent(dataset, this::load);
  }

  private Corpus load(String dataset) {
    Map<String, List<Document>> train = new LinkedHashMap<>();
    Map<String, List<Document>> heldout = new LinkedHashMap<>();
    if (BuiltinCorpus.DATASET.equals(dataset)) {
      for (String domain : BuiltinCorpus.manifest().domainNames()) {
        train.put(domain, BuiltinCorpus.train(domain));
        heldout.put(domain, BuiltinCorpus.heldout(domain));
      }
    } else {
      UploadedCorpus uploaded = UploadedCorpus.read(file(dataset));
      train.putAll(uploaded.train());
      heldout.putAll(uploaded.heldout());
    }
    Map<String, Document> byId = new java.util.HashMap<>();
    train.values().forEach(docs -> docs.forEach(d -> byId.put(d.id(), d)));
    return new Corpus(train, heldout, byId);
  }

  private Path file(String datasetId) {
    return StoredUploads.file(artifacts, datasetId);
  }

  private record Corpus(
      Map<String, List<Document>> train,
      Map<String, List<Document>> heldout,
      Map<String, Document> byId) {}
}
