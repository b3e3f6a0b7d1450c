package io.s2l.worker.training;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2l.lm.eval.ContinuationScores;
import io.s2l.lm.eval.EvalResult;
import io.s2l.queue.spring.CompletingTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stores a run and completes its job in one transaction: if this attempt lost its lease, nothing is
 * stored, so every job has at most one run however often it was attempted.
 */
@Component
public class RunStore {

  private final CompletingTransaction completing;
  private final Clock clock;
  private final MeterRegistry metrics;

  RunStore(CompletingTransaction completing, Clock clock, MeterRegistry metrics) {
    this.completing = completing;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void storeAndComplete(RunRecord run) {
    store(run);
    DistributionSummary.builder("s2l.training.tokens.per.second")
        .description("Training throughput of each stored run (tokens, or images, per second)")
        .tag("family", run.spec().scale().familyOrDefault())
        .register(metrics)
        .record(run.stats().tokensPerSecond());
  }

  private void store(RunRecord run) {
    completing.runWithoutResult(
        run.job(),
        "the run of job " + run.job().id(),
        c -> {
          long runId = insertRun(c, run);
          insertLosses(c, runId, run.losses());
        });
  }

  private long insertRun(Connection c, RunRecord run) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO training.run (study_id, job_id, job_key, scale, distribution, seed,"
                + " params_non_embedding, params_total, tokens, flops, steps, wall_seconds,"
                + " tokens_per_second, eval_seconds, final_train_loss, peak_rss_bytes, worker,"
                + " attempt, created_at, model_path, trained_on)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb) RETURNING id")) {
      var stats = run.stats();
      ps.setObject(1, run.job().studyId());
      ps.setLong(2, run.job().id());
      ps.setString(3, run.job().key());
      ps.setString(4, run.spec().scale().name());
      ps.setString(5, run.spec().distribution().name());
      ps.setLong(6, run.spec().seed());
      ps.setLong(7, stats.nonEmbeddingParams());
      ps.setLong(8, stats.totalParams());
      ps.setLong(9, stats.tokens());
      ps.setDouble(10, stats.flops());
      ps.setLong(11, stats.steps());
      ps.setDouble(12, stats.wallSeconds());
      ps.setDouble(13, stats.tokensPerSecond());
      ps.setDouble(14, run.evalSeconds());
      ps.setDouble(15, stats.finalLoss());
      ps.setLong(16, run.peakRssBytes());
      ps.setString(17, run.job().owner());
      ps.setInt(18, run.job().attempt());
      ps.setTimestamp(19, Timestamp.from(clock.instant()));
      ps.setString(20, run.modelPath());
      // What the run was trained on: the payload this worker trained from, as it read it.
      ps.setString(21, run.job().payloadJson());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void insertLosses(Connection c, long runId, Map<String, EvalResult> results)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO training.run_eval (run_id, eval_set, mean_loss, losses, correct, chance,"
                + " margins, answer_logprobs, answer_choices, answer_labels, answer_bytes,"
                + " answer_tokens) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (Map.Entry<String, EvalResult> e : results.entrySet()) {
        float[] values = e.getValue().losses();
        double sum = 0;
        for (float v : values) {
          sum += v;
        }
        ps.setLong(1, runId);
        ps.setString(2, e.getKey());
        ps.setDouble(3, sum / values.length);
        ps.setArray(4, floats(c, values));
        boolean[] correct = e.getValue().correct();
        if (correct == null) {
          ps.setNull(5, java.sql.Types.ARRAY);
        } else {
          Boolean[] flags = new Boolean[correct.length];
          for (int i = 0; i < correct.length; i++) {
            flags[i] = correct[i];
          }
          ps.setArray(5, c.createArrayOf("bool", flags));
        }
        ps.setObject(6, e.getValue().chance());
        ps.setArray(7, floats(c, e.getValue().margins()));
        setScores(c, ps, 8, e.getValue().scores());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The raw scores of a set with answers in five columns from {@code at}, or five nulls. */
  private static void setScores(
      Connection c, PreparedStatement ps, int at, ContinuationScores scores) throws SQLException {
    if (scores == null) {
      for (int i = 0; i < 5; i++) {
        ps.setNull(at + i, java.sql.Types.ARRAY);
      }
      return;
    }
    ps.setArray(at, c.createArrayOf("float8", Arrays.stream(scores.logprobs()).boxed().toArray()));
    ps.setArray(at + 1, ints(c, scores.choices()));
    ps.setArray(at + 2, ints(c, scores.labels()));
    ps.setArray(at + 3, ints(c, scores.bytes()));
    ps.setArray(at + 4, ints(c, scores.tokens()));
  }

  private static java.sql.Array ints(Connection c, int[] values) throws SQLException {
    return c.createArrayOf("int4", Arrays.stream(values).boxed().toArray());
  }

  /** A {@code real[]}, or null. */
  private static java.sql.Array floats(Connection c, float[] values) throws SQLException {
    if (values == null) {
      return null;
    }
    Float[] boxed = new Float[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return c.createArrayOf("float4", boxed);
  }
}
