package io.s2l.client;

import java.util.UUID;

/**
 * A featurisation, accepted.
 *
 * @param job the queued job's key
 * @param status {@code QUEUED}
 */
public record FeaturesQueued(UUID studyId, String job, String status) {}
