package io.s2l.experiment.study;

import io.s2l.queue.JobCounts;
import io.s2l.queue.JobQueue;
import io.s2l.study.JobKinds;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every multi-stage study checks first on each reconciliation. */
final class StageChecks {

  private static final Logger log = LoggerFactory.getLogger(StageChecks.class);

  private StageChecks() {}

  /**
   * Fails the study when a job of one of {@code kinds} failed for good, with that job's last error;
   * returns whether it did.
   */
  static boolean failIfAnyFailed(Study study, Connection c, List<String> kinds, Clock clock)
      throws SQLException {
    for (String kind : kinds) {
      if (JobQueue.counts(c, study.id(), kind).failed() > 0) {
        String why = JobQueue.firstFailure(c, study.id(), kind).orElse("unknown");
        study.markFailed(kind + " job failed: " + why, clock.instant());
        log.warn("study {} failed: {} job {}", study.id(), kind, why);
        return true;
      }
    }
    return false;
  }

  /** The study's training counts, after moving it to TRAINING once a job has been claimed. */
  static JobCounts training(Study study, Connection c, Clock clock) throws SQLException {
    JobCounts training = JobQueue.counts(c, study.id(), JobKinds.TRAIN);
    if (study.status() == StudyStatus.QUEUED && training.queued() < training.total()) {
      study.markTraining(clock.instant());
    }
    return training;
  }

  /**
   * The last stage of a study whose earlier job queued the reference models that verify it: once
   * they are all trained the verification job is queued (once, whoever reconciles), and its success
   * completes the study.
   */
  static void verifyThenComplete(
      Study study,
      Connection c,
      boolean trained,
      String verifyKey,
      String subject,
      JobQueue queue,
      com.fasterxml.jackson.databind.ObjectMapper json,
      Clock clock)
      throws SQLException {
    if (trained) {
      try {
        queue.enqueueAbsent(
            c,
            List.of(
                new io.s2l.queue.NewJob(
                    study.id(),
                    JobKinds.VERIFY,
                    verifyKey,
                    json.writeValueAsString(new io.s2l.study.VerifyJobSpec(study.id(), subject)),
                    3)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot build the verification job of " + study.id(), e);
      }
    }
    if (JobQueue.counts(c, study.id(), JobKinds.VERIFY).succeeded() > 0) {
      study.markCompleted(clock.instant());
      log.info("study {} completed", study.id());
    }
  }
}
