package io.s2l.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.JobQueue;
import io.s2l.queue.QueueSchema;
import io.s2l.queue.RetryPolicy;
import io.s2l.study.TrainingJobSpec;
import io.s2l.testsupport.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PGobject;

/**
 * Upgrading a database that holds a completed study: its runs learn what they were trained on from
 * their jobs' payloads, and the read model other services use answers what their queries on the raw
 * tables and the payloads answered before.
 */
class TrainingSchemaUpgradeIT {

  /** The last migration before runs recorded what they were trained on. */
  private static final String BEFORE = "5";

  private final ObjectMapper json = new ObjectMapper();
  private PGSimpleDataSource dataSource;
  private CompletedStudy study;

  @BeforeEach
  void completedStudyOnTheFormerSchema() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.url());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    QueueSchema.migrate(dataSource);
    assertThat(training(BEFORE).migrate().targetSchemaVersion).isEqualTo(BEFORE);
    study =
        new CompletedStudy(
            dataSource, new JobQueue(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT), json);
    study.trainAll();
  }

  private Flyway training(String target) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas("training")
        .locations("classpath:db/training")
        .target(target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target))
        .load();
  }

  @Test
  void runsKeepWhatTheyWereTrainedOnAndTheReadModelAnswersAsBefore() throws Exception {
    Snapshot before = new Snapshot(FORMER);

    training(null).migrate();

    assertThat(training(null).info().current().getVersion())
        .isGreaterThan(MigrationVersion.fromVersion(BEFORE));
    Snapshot after = new Snapshot(READ_MODEL);
    assertThat(after.runs).hasSize(study.jobs.size()).isEqualTo(before.runs);
    assertThat(after.losses).hasSize(2 * study.jobs.size()).isEqualTo(before.losses);
    assertThat(after.mixtures).hasSize(8).isEqualTo(before.mixtures);
    assertThat(after.verification).hasSize(2).isEqualTo(before.verification);
    assertThat(after.features).hasSize(2).isEqualTo(before.features);
    for (TrainingJobSpec job : study.jobs) {
      String key = job.key();
      assertThat(one(READ_MODEL.flops(), key)).isEqualTo(one(FORMER.flops(), key));
      assertThat(one(READ_MODEL.margins(), key)).isEqualTo(one(FORMER.margins(), key));
      assertThat(one(READ_MODEL.distribution(), key)).isEqualTo(one(FORMER.distribution(), key));
      TrainingJobSpec trained = spec(one(READ_MODEL.trainedOn(), key).get(0));
      assertThat(trained).isEqualTo(spec(one(FORMER.trainedOn(), key).get(0))).isEqualTo(job);
    }
  }

  @Test
  void theBackfillCopiesEachRunsJobPayload() throws Exception {
    training(null).migrate();

    assertThat(
            rows(
                "SELECT count(*) FILTER (WHERE r.trained_on = j.payload), count(*)"
                    + " FROM training.run r JOIN queue.job j ON j.id = r.job_id"))
        .containsExactly(List.of((long) study.jobs.size(), (long) study.jobs.size()));
    assertThat(
            rows(
                "SELECT distribution, dataset, mixture_weights, subset FROM training.run"
                    + " WHERE study_id = ? AND scale = 'xs' AND seed = 1 ORDER BY distribution",
                study.id))
        .containsExactly(
            List.of("even", "builtin", tree("{\"legal\": 0.5, \"quotes\": 0.5}"), NULL),
            List.of("legal-heavy", "builtin", tree("{\"legal\": 0.75, \"quotes\": 0.25}"), NULL),
            List.of("pool", "builtin", NULL, tree(json.writeValueAsString(CompletedStudy.POOL))),
            List.of("subset-0", "builtin", NULL, tree("[\"img-2\", \"img-0\"]")));
    assertThat(
            rows(
                "SELECT mixture_weights, subset FROM training.run_summary WHERE study_id = ?"
                    + " AND run_key = 'xs/subset-0/0'",
                study.id))
        .containsExactly(List.of(NULL, List.of("img-2", "img-0")));
  }

  /** What an analysis reads, by the SQL it used on the raw tables or by the new read model. */
  private record Queries(
      String runs,
      String losses,
      String mixtures,
      String verification,
      String features,
      String flops,
      String margins,
      String distribution,
      String trainedOn) {}

  /** The analysis' queries before the read model: raw tables and the queue's payloads. */
  private static final Queries FORMER =
      new Queries(
          "SELECT r.scale, r.distribution, r.seed, r.params_non_embedding, r.params_total,"
              + " r.tokens, r.flops, r.steps, r.wall_seconds, r.tokens_per_second,"
              + " r.eval_seconds, r.final_train_loss, r.peak_rss_bytes, r.worker, r.attempt"
              + " FROM training.run r WHERE r.study_id = ?"
              + " ORDER BY r.params_non_embedding, r.distribution, r.seed, r.scale"
              + " LIMIT 100 OFFSET 0",
          "SELECT r.scale, r.distribution, r.seed, r.params_non_embedding, r.flops, e.eval_set,"
              + " e.losses, e.correct, e.chance"
              + " FROM training.run r JOIN training.run_eval e ON e.run_id = r.id"
              + " WHERE r.study_id = ? ORDER BY 1, 2, 3, 6",
          "SELECT j.payload -> 'distribution' ->> 'name', j.payload -> 'distribution' -> 'weights',"
              + " r.flops, e.mean_loss, e.losses, e.correct FROM training.run r"
              + " JOIN training.run_eval e ON e.run_id = r.id JOIN queue.job j ON j.study_id ="
              + " r.study_id AND j.kind = 'train' AND j.job_key = r.job_key WHERE r.study_id = ?"
              + " AND r.scale = 'xs' AND e.eval_set = 'quiz' ORDER BY r.distribution, r.seed",
          "SELECT e.losses, e.correct FROM training.run r JOIN training.run_eval e"
              + " ON e.run_id = r.id WHERE r.study_id = ? AND r.scale = 'xs'"
              + " AND r.distribution = 'subset-0' AND e.correct IS NOT NULL ORDER BY r.seed",
          "SELECT examples, path, margins_path FROM training.features WHERE study_id = ?"
              + " AND run_key = 'xs/pool/0' AND dimension = 64 AND projection_seed = 0"
              + " ORDER BY examples",
          "SELECT flops FROM training.run WHERE study_id = ? AND job_key = ?",
          "SELECT e.margins FROM training.run r JOIN training.run_eval e ON e.run_id = r.id"
              + " WHERE r.study_id = ? AND r.job_key = ? AND e.margins IS NOT NULL",
          "SELECT payload -> 'distribution' ->> 'name', payload -> 'distribution' -> 'subset'"
              + " FROM queue.job WHERE study_id = ? AND kind = 'train' AND job_key = ?",
          "SELECT payload::text FROM queue.job WHERE study_id = ? AND kind = 'train'"
              + " AND job_key = ?");

  /** The same questions asked of trainer-worker's read model, as analysis-service asks them. */
  private static final Queries READ_MODEL =
      new Queries(
          "SELECT scale, distribution, seed, params_non_embedding, params_total, tokens, flops,"
              + " steps, wall_seconds, tokens_per_second, eval_seconds, final_train_loss,"
              + " peak_rss_bytes, worker, attempt FROM training.run_summary WHERE study_id = ?"
              + " ORDER BY params_non_embedding, distribution, seed, scale LIMIT 100 OFFSET 0",
          "SELECT scale, distribution, seed, params_non_embedding, flops, eval_set, losses,"
              + " correct, chance FROM training.run_example_losses WHERE study_id = ?"
              + " ORDER BY 1, 2, 3, 6",
          "SELECT r.distribution, r.mixture_weights, r.flops, e.mean_loss, e.losses,"
              + " e.correct FROM training.run_summary r JOIN training.run_example_losses e"
              + " ON e.study_id = r.study_id AND e.run_key = r.run_key WHERE r.study_id = ?"
              + " AND r.scale = 'xs' AND e.eval_set = 'quiz' ORDER BY r.distribution, r.seed",
          "SELECT losses, correct FROM training.run_example_losses WHERE study_id = ?"
              + " AND scale = 'xs' AND distribution = 'subset-0' AND correct IS NOT NULL"
              + " ORDER BY seed",
          "SELECT examples, path, margins_path FROM training.run_feature_files WHERE study_id = ?"
              + " AND run_key = 'xs/pool/0' AND dimension = 64 AND projection_seed = 0"
              + " ORDER BY examples",
          "SELECT flops FROM training.run_summary WHERE study_id = ? AND run_key = ?",
          "SELECT margins FROM training.run_example_losses WHERE study_id = ? AND run_key = ?"
              + " AND margins IS NOT NULL",
          "SELECT distribution, to_jsonb(subset) FROM training.run_summary WHERE study_id = ?"
              + " AND run_key = ?",
          "SELECT trained_on::text FROM training.run_summary WHERE study_id = ? AND run_key = ?");

  /** The answers to the study-wide queries. */
  private final class Snapshot {
    final List<List<Object>> runs;
    final List<List<Object>> losses;
    final List<List<Object>> mixtures;
    final List<List<Object>> verification;
    final List<List<Object>> features;

    Snapshot(Queries q) throws SQLException {
      runs = rows(q.runs(), study.id);
      losses = rows(q.losses(), study.id);
      mixtures = rows(q.mixtures(), study.id);
      verification = rows(q.verification(), study.id);
      features = rows(q.features(), study.id);
    }
  }

  private List<Object> one(String sql, String runKey) throws SQLException {
    List<List<Object>> rows = rows(sql, study.id, runKey);
    assertThat(rows).as(runKey).hasSizeLessThanOrEqualTo(1);
    return rows.isEmpty() ? List.of() : rows.get(0);
  }

  private TrainingJobSpec spec(Object stored) throws Exception {
    return json.readValue((String) stored, TrainingJobSpec.class);
  }

  /** Marks a SQL NULL in expected rows (List.of takes no nulls). */
  private static final Object NULL = "<null>";

  /** Rows as lists; arrays as lists, JSON as trees, NULL as {@link #NULL}, to compare by value. */
  private List<List<Object>> rows(String sql, Object... params) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(value(rs.getObject(i)));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private Object value(Object value) throws SQLException {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Array array) {
      return Arrays.asList((Object[]) array.getArray());
    }
    if (value instanceof PGobject object && object.getType().startsWith("json")) {
      return object.getValue() == null ? NULL : tree(object.getValue());
    }
    return value;
  }

  /** A JSON document as a tree; JSON null as {@link #NULL}, like SQL NULL. */
  private Object tree(String value) {
    try {
      JsonNode node = json.readTree(value);
      return node.isNull() ? NULL : node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(value, e);
    }
  }
}
