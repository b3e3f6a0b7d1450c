package io.s2l.analysis.attribution;

import io.s2l.analysis.config.AnalysisProperties;
import io.s2l.corpus.BuiltinCorpus;
import io.s2l.corpus.BuiltinEvalSets;
import io.s2l.corpus.Document;
import io.s2l.corpus.EvalExample;
import io.s2l.corpus.upload.StoredUploads;
import io.s2l.corpus.upload.UploadedCorpus;
import io.s2l.corpus.upload.UploadedEvalSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The texts a text study's attribution shows and selects by: its corpus's training documents
 * (built-in, or uploaded as {@code datasets/<id>.jsonl} in the artifact store) and the examples of
 * its target set (a built-in task set, an uploaded one {@code upload/<id>}, or the held-out text
 * {@code heldout/<domain>} of the corpus), read with builtin-corpus's readers as the trainers read
 * them. The built-in corpus's documents are read once and kept (about 11 MB of text), since the
 * target endpoint needs them on every request; an uploaded corpus (up to the upload limit) is read
 * when needed and not kept.
 */
@Component
public class TextSets {

  private final Path artifacts;
  private volatile Map<String, String> builtinDocuments;

  TextSets(AnalysisProperties properties) {
    this.artifacts = properties.artifacts();
  }

  /** One target example: its id, the text a person reads, and whether it is multiple choice. */
  public record TargetText(String id, String text, boolean choice) {}

  /** The texts of the given training documents, in the order of {@code ids}. */
  public List<String> documents(String dataset, List<String> ids) {
    Map<String, String> byId = BuiltinCorpus.DATASET.equals(dataset) ? builtin() : byId(dataset);
    List<String> texts = new ArrayList<>(ids.size());
    for (String id : ids) {
      String text = byId.get(id);
      if (text == null) {
        throw new IllegalStateException("dataset " + dataset + " has no training document " + id);
      }
      texts.add(text);
    }
    return texts;
  }

  private Map<String, String> builtin() {
    Map<String, String> documents = builtinDocuments;
    if (documents == null) {
      documents = Map.copyOf(byId(BuiltinCorpus.DATASET));
      builtinDocuments = documents;
    }
    return documents;
  }

  private Map<String, String> byId(String dataset) {
    Map<String, String> byId = new HashMap<>();
    for (List<Document> docs : corpus(dataset, false).values()) {
      for (Document d : docs) {
        byId.put(d.id(), d.text());
      }
    }
    return byId;
  }

  /** Every example of a target set, in the set's order. */
  public List<TargetText> targets(String dataset, String name) {
    if (name.startsWith(BuiltinCorpus.HELDOUT_PREFIX)) {
      List<Document> docs =
          corpus(dataset, true).get(name.substring(BuiltinCorpus.HELDOUT_PREFIX.length()));
      if (docs == null) {
        throw new IllegalArgumentException("dataset " + dataset + " has no set '" + name + "'");
      }
      return docs.stream().map(d -> new TargetText(d.id(), d.text(), false)).toList();
    }
    UploadedEvalSet set =
        name.startsWith(StoredUploads.EVALSET_PREFIX)
            ? UploadedEvalSet.read(file(name.substring(StoredUploads.EVALSET_PREFIX.length())))
            : new UploadedEvalSet(BuiltinEvalSets.entry(name).kind(), BuiltinEvalSets.load(name));
    boolean choice = "choice".equals(set.kind());
    return set.examples().stream().map(e -> new TargetText(e.id(), text(e), choice)).toList();
  }

  /** Prompt and answer, or prompt and correct choice. */
  static String text(EvalExample e) {
    String continuation = e.answer() != null ? e.answer() : e.choices().get(e.label());
    return e.prompt() + continuation;
  }

  private Map<String, List<Document>> corpus(String dataset, boolean heldout) {
    if (BuiltinCorpus.DATASET.equals(dataset)) {
      Map<String, List<Document>> parts = new HashMap<>();
      for (String domain : BuiltinCorpus.manifest().domainNames()) {
        parts.put(domain, heldout ? BuiltinCorpus.heldout(domain) : BuiltinCorpus.train(domain));
      }
      return parts;
    }
    UploadedCorpus uploaded = UploadedCorpus.read(file(dataset));
    return heldout ? uploaded.heldout() : uploaded.train();
  }

  private Path file(String datasetId) {
    return StoredUploads.file(artifacts, datasetId);
  }
}
