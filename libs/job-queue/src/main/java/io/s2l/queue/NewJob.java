package io.s2l.queue;

import java.util.UUID;

/**
 * A job to enqueue.
 *
 * @param studyId the study it belongs to
 * @param kind which worker type runs it
 * @param key unique within (study, kind)
 * @param payloadJson the job's input, a JSON document
 * @param maxAttempts attempts before the job is failed for good
 * @param requiresGpu only a worker with a GPU may claim it
 * @param minMemoryBytes only a worker with at least this much memory per job may claim it
 * @param priority claimed before jobs of lower priority (then oldest first); 0 by default
 * @param fairnessGroup whose share of the workers the job counts against: the owner of its study.
 *     Claims go first to the group with the fewest running jobs. Null joins the group of the
 *     study's earlier jobs, or no group when they have none
 */
public record NewJob(
    UUID studyId,
    String kind,
    String key,
    String payloadJson,
    int maxAttempts,
    boolean requiresGpu,
    long minMemoryBytes,
    int priority,
    String fairnessGroup) {

  /** A job of no fairness group of its own: it joins its study's, if any. */
  public NewJob(
      UUID studyId,
      String kind,
      String key,
      String payloadJson,
      int maxAttempts,
      boolean requiresGpu,
      long minMemoryBytes,
      int priority) {
    this(studyId, kind, key, payloadJson, maxAttempts, requiresGpu, minMemoryBytes, priority, null);
  }

  /** A job of the default priority. */
  public NewJob(
      UUID studyId,
      String kind,
      String key,
      String payloadJson,
      int maxAttempts,
      boolean requiresGpu,
      long minMemoryBytes) {
    this(studyId, kind, key, payloadJson, maxAttempts, requiresGpu, minMemoryBytes, 0);
  }

  /** A job any worker of its kind can run. */
  public NewJob(UUID studyId, String kind, String key, String payloadJson, int maxAttempts) {
    this(studyId, kind, key, payloadJson, maxAttempts, false, 0, 0);
  }

  /** This job in fairness group {@code group} (a study's owner). */
  public NewJob inGroup(String group) {
    return new NewJob(
        studyId, kind, key, payloadJson, maxAttempts, requiresGpu, minMemoryBytes, priority, group);
  }
}
