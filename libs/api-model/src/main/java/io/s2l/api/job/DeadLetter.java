package io.s2l.api.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A job that used up its attempts and failed for good, as {@code GET /api/v1/jobs/dead-letters}
 * shows it.
 *
 * @param key the job's key
 * @param attempt attempts made
 * @param lastError why its last attempt failed
 * @param failedAt when it failed for good
 */
public record DeadLetter(
    long id,
    UUID studyId,
    String kind,
    String key,
    int attempt,
    String lastError,
    Instant failedAt) {}
