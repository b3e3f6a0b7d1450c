package io.s2l.experiment.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.access.ApiKey;
import io.s2l.access.Role;
import io.s2l.corpus.upload.CorpusIndex;
import io.s2l.testsupport.TestDatabase;
import io.s2l.testsupport.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Corpora uploaded before indexes were kept get one from their file, once, at start-up. */
@SpringBootTest(properties = "s2l.experiment.artifacts=target/artifacts-indexer")
class CorpusIndexerIT {

  private static final ApiKey ADMIN =
      new ApiKey(1, "admin", "admin", Role.ADMIN, "x", null, null, null, null, Instant.EPOCH, null);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.freshDatabase().register(registry::add);
    TestKeys.register(registry::add);
  }

  @Autowired CorpusIndexer indexer;
  @Autowired Datasets datasets;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCorpusWithoutAnIndexIsIndexedFromItsFileOnce() throws Exception {
    UUID old = corpusRow();
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      lines.append("{\"domain\":\"news\",\"text\":\"t\",\"id\":\"n").append(i).append("\"}\n");
    }
    Path file = Path.of("target/artifacts-indexer/datasets/" + old + ".jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, lines);
    UUID lost = corpusRow(); // its file is gone: logged, left unindexed, tried again next time
    assertThat(datasets.corpusIndex(old.toString(), ADMIN)).isEmpty();

    assertThat(indexer.indexMissing()).isEqualTo(1);

    CorpusIndex index = datasets.corpusIndex(old.toString(), ADMIN).orElseThrow();
    assertThat(index.domains()).containsExactly("news");
    assertThat(index.heldoutDomains()).containsExactly("news");
    assertThat(index.ids()).hasSize(11).doesNotContain("n10").startsWith("n1", "n2");
    assertThat(datasets.corpusIndex(lost.toString(), ADMIN)).isEmpty();
    assertThat(indexer.indexMissing()).isZero();
  }

  private UUID corpusRow() {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO experiment.dataset (id, name, kind, records, bytes, sha256, path, created_at)"
            + " VALUES (?, 'old', 'corpus', 12, 1, 'x', ?, ?)",
        id,
        "datasets/" + id + ".jsonl",
        Timestamp.from(Instant.now()));
    return id;
  }
}
