package io.s2l.experiment.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.experiment.study.Study;
import io.s2l.experiment.study.StudyStatus;
import io.s2l.queue.JobCounts;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import io.s2l.study.VerifyJobSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps the pipelines share: failing, starting training, queuing jobs, verifying. */
final class StageChecks {

  private static final Logger log = LoggerFactory.getLogger(StageChecks.class);

  /** Attempts of every job a pipeline queues. */
  static final int MAX_ATTEMPTS = 3;

  private final StudyJobs jobs;
  private final ObjectMapper json;
  private final Clock clock;

  StageChecks(StudyJobs jobs, ObjectMapper json, Clock clock) {
    this.jobs = jobs;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Fails the study when a job of one of {@code kinds} failed for good, with that job's last error;
   * returns whether it did.
   */
  boolean failIfAnyFailed(Study study, List<String> kinds) {
    for (String kind : kinds) {
      if (jobs.counts(study.id(), kind).failed() > 0) {
        String why = jobs.firstFailure(study.id(), kind).orElse("unknown");
        study.markFailed(kind + " job failed: " + why, clock.instant());
        log.warn("study {} failed: {} job {}", study.id(), kind, why);
        return true;
      }
    }
    return false;
  }

  /** The study's training counts, after moving it to TRAINING once a job has been claimed. */
  JobCounts training(Study study) {
    JobCounts training = jobs.counts(study.id(), JobKinds.TRAINING);
    if (study.status() == StudyStatus.QUEUED && training.queued() < training.total()) {
      study.markTraining(clock.instant());
    }
    return training;
  }

  /**
   * The last stage of a study whose earlier job queued the reference models that verify it: once
   * they are all trained the verification job is queued (once, whoever reconciles), and its success
   * completes the study. Call it only after seeing that earlier job succeed: the training counts
   * are read here, after that, because a count read before could predate the reference models the
   * job queued on committing, and would call the study trained while they are not.
   */
  void verifyThenComplete(Study study, String verifyKey, String subject) {
    JobCounts training = jobs.counts(study.id(), JobKinds.TRAINING);
    if (training.succeeded() == training.total()) {
      jobs.enqueueAbsent(
          List.of(job(study, JobKinds.VERIFY, verifyKey, new VerifyJobSpec(study.id(), subject))));
    }
    if (jobs.counts(study.id(), JobKinds.VERIFY).succeeded() > 0) {
      study.markCompleted(clock.instant());
      log.info("study {} completed", study.id());
    }
  }

  /** The training kinds, then {@code later}: the kinds of job a pipeline fails its study on. */
  static List<String> trainingAnd(String... later) {
    List<String> kinds = new ArrayList<>(JobKinds.TRAINING);
    kinds.addAll(List.of(later));
    return List.copyOf(kinds);
  }

  /** A job of the study whose payload is {@code spec}'s JSON. */
  NewJob job(Study study, String kind, String key, Object spec) {
    try {
      return new NewJob(study.id(), kind, key, json.writeValueAsString(spec), MAX_ATTEMPTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot build the " + kind + " job of " + study.id(), e);
    }
  }
}
