package io.s2l.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinCorpusTest {

  private static String normalised(String text) {
    return String.join(" ", text.trim().split("\\s+"));
  }

  @Test
  void everyDomainLoadsWithItsStatedCounts() {
    for (CorpusManifest.Domain d : BuiltinCorpus.manifest().domains()) {
      assertThat(BuiltinCorpus.train(d.name())).as(d.name()).hasSize(d.trainDocuments());
      assertThat(BuiltinCorpus.heldout(d.name())).as(d.name()).hasSize(d.heldoutDocuments());
    }
    assertThat(BuiltinCorpus.evalSets()).allMatch(s -> s.startsWith(BuiltinCorpus.HELDOUT_PREFIX));
  }

  @Test
  void heldOutAndTrainShareNoDocumentIdOrText() {
    Set<String> trainIds = new HashSet<>();
    Set<String> trainTexts = new HashSet<>();
    for (String domain : BuiltinCorpus.manifest().domainNames()) {
      for (Document doc : BuiltinCorpus.train(domain)) {
        trainIds.add(doc.id());
        trainTexts.add(normalised(doc.text()));
      }
    }
    for (String domain : BuiltinCorpus.manifest().domainNames()) {
      List<Document> heldout = BuiltinCorpus.heldout(domain);
      assertThat(heldout).noneMatch(doc -> trainIds.contains(doc.id()));
      assertThat(heldout).noneMatch(doc -> trainTexts.contains(normalised(doc.text())));
    }
  }
}
