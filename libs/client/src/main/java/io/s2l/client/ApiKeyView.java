package io.s2l.client;

import java.time.Instant;

/**
 * An API key as the service lists it: never its secret, only the secret's first characters.
 *
 * @param role {@code READ}, {@code SUBMIT} or {@code ADMIN}
 * @param maxFlopsPerDay the daily compute budget in estimated FLOPs, or null for none
 * @param maxStorageBytes the bytes of datasets, imported tables and estimated artifacts it may
 *     hold, or null for none
 * @param revokedAt null while the key works
 */
public record ApiKeyView(
    long id,
    String owner,
    String name,
    String role,
    String prefix,
    Integer maxActiveStudies,
    Integer maxJobsPerDay,
    Double maxFlopsPerDay,
    Long maxStorageBytes,
    Instant createdAt,
    Instant revokedAt) {}
