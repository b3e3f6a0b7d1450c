package io.s2l.api.attribution;

import java.util.UUID;

/**
 * A featurisation, accepted by {@code POST /api/v1/studies/{id}/features}.
 *
 * @param job the queued job's key
 * @param status {@code QUEUED}
 */
public record FeaturesQueued(UUID studyId, String job, String status) {}
