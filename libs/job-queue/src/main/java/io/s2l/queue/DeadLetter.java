package io.s2l.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * A job failed for good, as the dead-letter view shows it.
 *
 * @param attempt attempts made
 * @param lastError the last attempt's error
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
