package io.s2l.corpus.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.corpus.Document;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uploaded corpus, split like the built-in one into training documents and held-out documents
 * (evaluation set {@code heldout/<domain>}): in each domain, every tenth document in file order
 * (the 10th, 20th, ...) is held out, up to 256. Domains with fewer than 10 documents have no
 * held-out part.
 */
public final class UploadedCorpus {

  public static final int HELDOUT_EVERY = 10;
  public static final int MAX_HELDOUT = 256;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<Document>> train = new LinkedHashMap<>();
  private final Map<String, List<Document>> heldout = new LinkedHashMap<>();

  private UploadedCorpus() {}

  /** Reads a file written by {@link DatasetCheck} (one record per line, ids filled in). */
  public static UploadedCorpus read(Path file) {
    UploadedCorpus corpus = new UploadedCorpus();
    Map<String, Integer> seen = new LinkedHashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        var node = JSON.readTree(line);
        String domain = node.get("domain").asText();
        Document doc = new Document(node.get("id").asText(), node.get("text").asText());
        int index = seen.merge(domain, 1, Integer::sum);
        List<Document> held = corpus.heldout.computeIfAbsent(domain, d -> new ArrayList<>());
        if (isHeldout(index, held.size())) {
          held.add(doc);
        } else {
          corpus.train.computeIfAbsent(domain, d -> new ArrayList<>()).add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uploaded corpus " + file, e);
    }
    corpus.heldout.values().removeIf(List::isEmpty);
    return corpus;
  }

  /** Whether the n-th (1-based) document of a domain is held out, given how many already are. */
  public static boolean isHeldout(int n, int heldSoFar) {
    return n % HELDOUT_EVERY == 0 && heldSoFar < MAX_HELDOUT;
  }

  public Map<String, List<Document>> train() {
    return train;
  }

  public Map<String, List<Document>> heldout() {
    return heldout;
  }
}
