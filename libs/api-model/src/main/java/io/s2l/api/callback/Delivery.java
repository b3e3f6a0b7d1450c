package io.s2l.api.callback;

import java.time.Instant;
import java.util.UUID;

/**
 * One callback event of a study or an import to one URL, and how its attempts went ({@code GET
 * /api/v1/studies/{id}/deliveries}).
 *
 * @param id the delivery
 * @param eventId the event (its {@code id} in the posted JSON)
 * @param status the study status the event tells
 * @param url where it is posted
 * @param attempts attempts made so far
 * @param maxAttempts attempts before it is dead-lettered
 * @param lastStatusCode the HTTP status of the last answer, or null when none came
 * @param lastError why the last attempt failed, or null
 * @param nextRetryAt when the next attempt is due, or null when none is
 * @param deliveredAt when a receiver answered 2xx, or null
 * @param failedAt when its last attempt failed (dead-lettered), or null
 * @param occurredAt when the study moved to {@code status}
 */
public record Delivery(
    long id,
    UUID eventId,
    String status,
    String url,
    int attempts,
    int maxAttempts,
    Integer lastStatusCode,
    String lastError,
    Instant nextRetryAt,
    Instant deliveredAt,
    Instant failedAt,
    Instant occurredAt) {}
