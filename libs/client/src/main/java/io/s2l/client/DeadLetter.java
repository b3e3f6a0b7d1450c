package io.s2l.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A job that used up its attempts.
 *
 * @param key the job's key
 * @param attempt the attempts it had
 * @param lastError why its last attempt failed
 */
public record DeadLetter(
    long id,
    UUID studyId,
    String kind,
    String key,
    int attempt,
    String lastError,
    Instant failedAt) {}
