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
 */
public record NewJob(UUID studyId, String kind, String key, String payloadJson, int maxAttempts) {}
