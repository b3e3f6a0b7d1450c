package io.s2l.analysis.imports;

import io.s2l.queue.JobLookup;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.study.JobKinds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells an import's callbacks FAILED when its analysis failed for good without its handler knowing:
 * the last attempt's worker crashed (or lost the database) and another worker's rescue of the
 * expired lease failed the job. The handler tells FAILED itself when a last attempt throws; this
 * sweep, every {@code s2l.analysis.callbacks.lost-failure-sweep} (30 s), reads the analysis jobs
 * that failed in the last day (the newest {@link #SCAN}, from the queue's dead letters), keeps the
 * imports with callbacks among their studies, and queues FAILED, timed at the job's failure, for
 * those whose FAILED was never queued, oldest failure first. Each status is told once per import
 * (the callback jobs' keys), so a sweep that races the handler, or another instance's sweep, adds
 * nothing. Not told: a failure older than a day when the sweep first sees it (every analysis
 * service down for a day), or one behind more than {@link #SCAN} newer analysis failures.
 */
@Component
class LostFailures {

  private static final Logger log = LoggerFactory.getLogger(LostFailures.class);

  /** Failures read per sweep, newest first. */
  static final int SCAN = 1000;

  /** Imports told per sweep; the rest at the next. */
  static final int BATCH = 100;

  private static final Duration WINDOW = Duration.ofDays(1);

  private final ImportCallbacks callbacks;
  private final CurrentTransaction transaction;
  private final TransactionTemplate transactions;

  LostFailures(
      ImportCallbacks callbacks, CurrentTransaction transaction, TransactionTemplate transactions) {
    this.callbacks = callbacks;
    this.transaction = transaction;
    this.transactions = transactions;
  }

  @Scheduled(
      fixedDelayString = "${s2l.analysis.callbacks.lost-failure-sweep:30s}",
      initialDelayString = "${s2l.analysis.callbacks.lost-failure-sweep:30s}")
  void tell() throws SQLException {
    for (Map.Entry<UUID, Instant> one : untold()) {
      try {
        // one transaction: the event goes to every URL of the import, or to none
        transactions.executeWithoutResult(
            status -> {
              try {
                transaction.run(c -> callbacks.moved(c, one.getKey(), "FAILED", one.getValue()));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
        log.info(
            "import {} lost its last attempt with its worker; FAILED is queued unless told meanwhile",
            one.getKey());
      } catch (RuntimeException e) {
        log.warn("cannot queue FAILED for import {}; the next sweep tries again", one.getKey(), e);
      }
    }
  }

  /** The imports with callbacks whose analysis failed and whose FAILED was never queued. */
  private List<Map.Entry<UUID, Instant>> untold() throws SQLException {
    return transaction.query(
        c -> {
          Map<UUID, Instant> failed = new HashMap<>();
          for (JobLookup.Failure f : JobLookup.failedWithin(c, JobKinds.ANALYZE, WINDOW, SCAN)) {
            failed.merge(f.studyId(), f.failedAt(), (a, b) -> a.isAfter(b) ? a : b);
          }
          List<UUID> imports = new ArrayList<>();
          if (!failed.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT id FROM analysis.imported_study WHERE id = ANY (?)"
                        + " AND callback_key_id IS NOT NULL AND cardinality(callbacks) > 0")) {
              ps.setArray(1, c.createArrayOf("uuid", failed.keySet().toArray()));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  imports.add(rs.getObject(1, UUID.class));
                }
              }
            }
          }
          Set<UUID> told = JobLookup.withJob(c, imports, JobKinds.CALLBACK, "import-failed-");
          return imports.stream()
              .filter(id -> !told.contains(id))
              .map(id -> Map.entry(id, failed.get(id)))
              .sorted(Map.Entry.comparingByValue())
              .limit(BATCH)
              .toList();
        });
  }
}
