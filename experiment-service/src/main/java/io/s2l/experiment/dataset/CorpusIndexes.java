package io.s2l.experiment.dataset;

import io.s2l.corpus.upload.CorpusIndex;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored indexes of uploaded corpora ({@code experiment.corpus_index}): what a study needs of a
 * corpus, so that a submission reads one row instead of the corpus' file.
 */
@Component
class CorpusIndexes {

  private final JdbcTemplate jdbc;

  CorpusIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the index of dataset {@code id}, in the caller's transaction where there is one. */
  void store(UUID id, CorpusIndex index) {
    jdbc.update(
        c -> {
          var ps =
              c.prepareStatement(
                  "INSERT INTO experiment.corpus_index"
                      + " (dataset_id, domains, heldout_domains, training_ids) VALUES (?, ?, ?, ?)"
                      // two services indexing the same old corpus at start-up: the first wins
                      + " ON CONFLICT (dataset_id) DO NOTHING");
          ps.setObject(1, id);
          ps.setArray(2, texts(c, index.domains()));
          ps.setArray(3, texts(c, index.heldoutDomains()));
          ps.setArray(4, texts(c, index.ids()));
          return ps;
        });
  }

  Optional<CorpusIndex> find(UUID id) {
    return jdbc
        .query(
            "SELECT domains, heldout_domains, training_ids FROM experiment.corpus_index"
                + " WHERE dataset_id = ?",
            (rs, i) ->
                new CorpusIndex(
                    strings(rs.getArray(1)), strings(rs.getArray(2)), strings(rs.getArray(3))),
            id)
        .stream()
        .findFirst();
  }

  /** Corpora uploaded before indexes were kept: their ids and paths in the artifact store. */
  List<Unindexed> missing() {
    return jdbc.query(
        "SELECT d.id, d.path FROM experiment.dataset d WHERE d.kind = 'corpus'"
            + " AND NOT EXISTS (SELECT 1 FROM experiment.corpus_index i WHERE i.dataset_id = d.id)"
            + " ORDER BY d.created_at",
        (rs, i) -> new Unindexed(rs.getObject(1, UUID.class), rs.getString(2)));
  }

  record Unindexed(UUID id, String path) {}

  private static Array texts(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
