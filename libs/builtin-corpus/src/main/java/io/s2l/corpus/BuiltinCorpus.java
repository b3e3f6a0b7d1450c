package io.s2l.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The multi-domain corpus shipped inside s2l (see {@code builtin-corpus/PROVENANCE.md}). Each
 * domain has a training part and a held-out part that share no document; the held-out part of
 * domain {@code d} is the evaluation set {@code heldout/d}.
 */
public final class BuiltinCorpus {

  public static final String DATASET = "builtin";
  public static final String HELDOUT_PREFIX = "heldout/";
  private static final String ROOT = "/s2l/corpus/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BuiltinCorpus() {}

  public static CorpusManifest manifest() {
    try (InputStream in = open(ROOT + "manifest.json")) {
      return JSON.readValue(in, CorpusManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in corpus manifest", e);
    }
  }

  /** Evaluation set names: {@code heldout/<domain>} for every domain, in manifest order. */
  public static List<String> evalSets() {
    return manifest().domainNames().stream().map(d -> HELDOUT_PREFIX + d).toList();
  }

  public static List<Document> train(String domain) {
    return read(domain, "train");
  }

  public static List<Document> heldout(String domain) {
    return read(domain, "heldout");
  }

  private static List<Document> read(String domain, String part) {
    if (!manifest().domainNames().contains(domain)) {
      throw new IllegalArgumentException("unknown domain '" + domain + "'");
    }
    return JsonLinesResource.read(ROOT + domain + "/" + part + ".jsonl.gz", Document.class);
  }

  private static InputStream open(String path) {
    return JsonLinesResource.open(path);
  }
}
