package io.s2l.corpus.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * What a study needs of an uploaded corpus, without its texts: its domains, the domains with a
 * held-out set ({@code heldout/<domain>}, split as {@link UploadedCorpus} splits it), and the ids
 * of its training documents, domain by domain in first-seen order and in file order within a domain
 * (the order {@link UploadedCorpus#train()} gives them).
 */
public record CorpusIndex(List<String> domains, List<String> heldoutDomains, List<String> ids) {

  private static final JsonFactory FACTORY = new JsonFactory();

  public CorpusIndex {
    domains = List.copyOf(domains);
    heldoutDomains = List.copyOf(heldoutDomains);
    ids = List.copyOf(ids);
  }

  /** Indexes a file written by {@link DatasetCheck}, reading only each line's domain and id. */
  public static CorpusIndex read(Path file) {
    Builder index = new Builder();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        String domain = null;
        String id = null;
        try (JsonParser parser = FACTORY.createParser(line)) {
          parser.nextToken();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
              case "domain" -> domain = parser.getText();
              case "id" -> id = parser.getText();
              default -> parser.skipChildren();
            }
          }
        }
        if (domain == null || id == null) {
          throw new IOException("a line without domain or id in " + file);
        }
        index.add(domain, id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index uploaded corpus " + file, e);
    }
    return index.build();
  }

  /** Collects documents in file order. */
  public static final class Builder {
    private final Map<String, List<String>> train = new LinkedHashMap<>();
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private final Map<String, Integer> held = new LinkedHashMap<>();

    public void add(String domain, String id) {
      int n = seen.merge(domain, 1, Integer::sum);
      int heldSoFar = held.getOrDefault(domain, 0);
      if (UploadedCorpus.isHeldout(n, heldSoFar)) {
        held.put(domain, heldSoFar + 1);
      } else {
        train.computeIfAbsent(domain, d -> new ArrayList<>()).add(id);
      }
    }

    public CorpusIndex build() {
      List<String> ids = new ArrayList<>();
      train.values().forEach(ids::addAll);
      // in first-seen order of the domains, as UploadedCorpus keeps them
      List<String> heldout = seen.keySet().stream().filter(held::containsKey).toList();
      return new CorpusIndex(List.copyOf(train.keySet()), heldout, ids);
    }
  }
}
