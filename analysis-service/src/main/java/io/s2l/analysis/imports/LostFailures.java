package io.s2l.analysis.imports;

import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.JobKinds;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells an import's callbacks FAILED when its analysis failed for good without its handler knowing:
 * the last attempt's worker crashed (or lost the database) and another worker's rescue of the
 * expired lease failed the job. The handler tells FAILED itself when a last attempt throws; this
 * sweep, every {@code s2l.analysis.callbacks.lost-failure-sweep} (30 s), finds analysis jobs of
 * imports with callbacks that failed in the last day and whose FAILED event was never queued, and
 * queues it with the job's failure time. Each status is told once per import (the callback jobs'
 * keys), so a sweep that races the handler, or another instance's sweep, adds nothing. A failure
 * older than a day when the sweep first sees it (every analysis service down for a day) is not
 * told.
 */
@Component
class LostFailures {

  private static final Logger log = LoggerFactory.getLogger(LostFailures.class);

  /** At most this many imports are told per sweep; the rest at the next. */
  static final int BATCH = 100;

  private static final String UNTOLD =
      "SELECT j.study_id, max(j.finished_at) FROM queue.job j"
          + " JOIN analysis.imported_study i ON i.id = j.study_id"
          + " WHERE j.state = 'failed' AND j.kind = ? AND j.finished_at > now() - interval '1 day'"
          + " AND i.callback_key_id IS NOT NULL AND cardinality(i.callbacks) > 0"
          + " AND NOT EXISTS (SELECT 1 FROM queue.job told WHERE told.study_id = j.study_id"
          + "  AND told.kind = ? AND told.job_key LIKE 'import-failed-%')"
          + " GROUP BY j.study_id ORDER BY max(j.finished_at) LIMIT ?";

  private final JdbcTemplate jdbc;
  private final ImportCallbacks callbacks;
  private final CurrentTransaction transaction;
  private final TransactionTemplate transactions;

  LostFailures(
      JdbcTemplate jdbc,
      ImportCallbacks callbacks,
      CurrentTransaction transaction,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.callbacks = callbacks;
    this.transaction = transaction;
    this.transactions = transactions;
  }

  @Scheduled(
      fixedDelayString = "${s2l.analysis.callbacks.lost-failure-sweep:30s}",
      initialDelayString = "${s2l.analysis.callbacks.lost-failure-sweep:30s}")
  void tell() {
    record Untold(UUID id, Timestamp failedAt) {}
    List<Untold> untold =
        jdbc.query(
            UNTOLD,
            (rs, row) -> new Untold(rs.getObject(1, UUID.class), rs.getTimestamp(2)),
            JobKinds.ANALYZE,
            JobKinds.CALLBACK,
            BATCH);
    for (Untold one : untold) {
      try {
        // one transaction: the event goes to every URL of the import, or to none
        transactions.executeWithoutResult(
            status -> {
              try {
                transaction.run(
                    c -> callbacks.moved(c, one.id(), "FAILED", one.failedAt().toInstant()));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
        log.info(
            "import {} lost its last attempt with its worker; FAILED is queued unless told meanwhile",
            one.id());
      } catch (Exception e) {
        log.warn("cannot queue FAILED for import {}; the next sweep tries again", one.id(), e);
      }
    }
  }
}
