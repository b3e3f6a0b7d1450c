package io.s2l.queue;

import java.util.UUID;

/**
 * A job a worker holds. {@code attempt} is the fencing token: heartbeats, completion and failure
 * are accepted only from the attempt that holds the current lease.
 */
public record ClaimedJob(
    long id,
    UUID studyId,
    String kind,
    String key,
    String payloadJson,
    int attempt,
    int maxAttempts,
    String owner) {}
