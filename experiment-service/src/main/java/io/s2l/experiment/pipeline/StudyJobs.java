package io.s2l.experiment.pipeline;

import io.s2l.queue.JobCounts;
import io.s2l.queue.JobState;
import io.s2l.queue.NewJob;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue as a pipeline sees it: how a study's jobs stand, and new jobs for it, read and written
 * in the reconciling transaction. Pipelines decide transitions from this read model alone, so their
 * logic is tested without a database; the queue's SQL is tested by the queue's own tests.
 */
interface StudyJobs {

  /** How the study's jobs of any of {@code kinds} stand, counted together. */
  JobCounts counts(UUID study, List<String> kinds);

  /** How the study's jobs of one kind stand. */
  default JobCounts counts(UUID study, String kind) {
    return counts(study, List.of(kind));
  }

  /**
   * The key and last error of the study's first job of one of {@code kinds} that failed for good.
   */
  Optional<String> firstFailure(UUID study, List<String> kinds);

  /** The key and last error of the study's first job of {@code kind} that failed for good. */
  default Optional<String> firstFailure(UUID study, String kind) {
    return firstFailure(study, List.of(kind));
  }

  /** The study's jobs of any of {@code kinds}, in the order they were queued. */
  List<QueuedJob> jobs(UUID study, List<String> kinds);

  /** Adds jobs; a job whose (study, kind, key) is already queued is an error. */
  void enqueue(List<NewJob> jobs);

  /** Adds the jobs whose (study, kind, key) is not queued yet; the others are left alone. */
  void enqueueAbsent(List<NewJob> jobs);

  /**
   * One job of a study.
   *
   * @param key unique within the study and kind
   * @param payloadJson the job's input
   */
  record QueuedJob(String key, JobState state, String payloadJson) {}
}
