package io.s2l.analysis.imports;

import io.s2l.stats.metrics.AnswerScores;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes an imported table in the caller's transaction. */
@Component
class ImportStore {

  /**
   * @param callbacks the import's callback URLs, signed with key {@code keyId}'s callback secret
   */
  void store(
      Connection c,
      UUID id,
      String name,
      String sha256,
      LossTable table,
      Instant now,
      List<String> callbacks,
      long keyId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analysis.imported_study (id, name, reference_scale, rows, sha256,"
                + " created_at, callbacks, callback_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, id);
      ps.setString(2, name);
      ps.setString(3, table.referenceScale());
      ps.setLong(4, table.rows());
      ps.setString(5, sha256);
      ps.setTimestamp(6, Timestamp.from(now));
      ps.setArray(7, c.createArrayOf("text", callbacks.toArray()));
      ps.setLong(8, keyId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analysis.imported_run (study_id, scale, distribution, seed, params, tokens)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (String scale : table.scales()) {
        for (String distribution : table.distributions()) {
          for (long seed : table.seeds()) {
            ps.setObject(1, id);
            ps.setString(2, scale);
            ps.setString(3, distribution);
            ps.setLong(4, seed);
            ps.setLong(5, table.params().get(scale));
            ps.setLong(6, table.tokens().get(LossTable.runKey(scale, distribution, seed)));
            ps.addBatch();
          }
        }
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analysis.imported_eval_set (study_id, eval_set, example_ids, chance)"
                + " VALUES (?, ?, ?, ?)")) {
      for (LossTable.EvalSet set : table.evalSets()) {
        ps.setObject(1, id);
        ps.setString(2, set.name());
        ps.setArray(3, c.createArrayOf("text", set.exampleIds().toArray()));
        ps.setObject(4, set.chance());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO analysis.imported_losses (study_id, scale, distribution, seed, eval_set,"
                + " losses, correct, answer_logprobs, answer_choices, answer_labels, answer_bytes,"
                + " answer_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (Map.Entry<String, LossTable.Cell> cell : table.cells().entrySet()) {
        String[] key = cell.getKey().split("\u0000");
        ps.setObject(1, id);
        ps.setString(2, key[0]);
        ps.setString(3, key[1]);
        ps.setLong(4, Long.parseLong(key[2]));
        ps.setString(5, key[3]);
        ps.setBytes(6, LossBytes.fromFloats(cell.getValue().losses()));
        boolean[] correct = cell.getValue().correct();
        ps.setBytes(7, correct == null ? null : LossBytes.fromBooleans(correct));
        AnswerScores scores = cell.getValue().scores();
        ps.setArray(8, scores == null ? null : doubles(c, scores.logprobs()));
        ps.setArray(9, scores == null ? null : ints(c, scores.choices()));
        ps.setArray(10, scores == null ? null : ints(c, scores.labels()));
        ps.setArray(11, scores == null ? null : ints(c, scores.bytes()));
        ps.setArray(12, scores == null ? null : ints(c, scores.tokens()));
        ps.addBatch();
        if (++batched % 64 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static Array doubles(Connection c, double[] values) throws SQLException {
    return c.createArrayOf("float8", Arrays.stream(values).boxed().toArray());
  }

  private static Array ints(Connection c, int[] values) throws SQLException {
    return c.createArrayOf("int4", Arrays.stream(values).boxed().toArray());
  }
}
