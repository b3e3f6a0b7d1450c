package io.s2l.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The built-in corpus's table of contents ({@code s2l/corpus/manifest.json}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorpusManifest(int version, List<Domain> domains) {

  /** One domain: where its text came from and how much there is. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Domain(
      String name,
      int trainDocuments,
      long trainBytes,
      int heldoutDocuments,
      long heldoutBytes,
      String source,
      String licence) {}

  public List<String> domainNames() {
    return domains.stream().map(Domain::name).toList();
  }
}
