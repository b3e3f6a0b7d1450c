package io.s2l.access;

import java.time.Instant;

/**
 * A stored API key, without its secret.
 *
 * @param prefix the first characters of the secret, to tell keys apart in lists
 * @param maxActiveStudies studies this key may have queued or running at once; null: no limit
 * @param maxJobsPerDay jobs the studies submitted with this key may ask for in any 24 hours; null:
 *     no limit
 * @param maxFlopsPerDay estimated floating-point operations the jobs queued with this key may need
 *     in any 24 hours ({@code io.s2l.study.ComputeEstimate}); null: no limit
 * @param maxStorageBytes bytes the key may hold: its datasets' files, its imported tables and the
 *     estimated artifacts of its studies ({@code io.s2l.study.StorageEstimate}); null: no limit
 */
public record ApiKey(
    long id,
    String owner,
    String name,
    Role role,
    String prefix,
    Integer maxActiveStudies,
    Integer maxJobsPerDay,
    Double maxFlopsPerDay,
    Long maxStorageBytes,
    Instant createdAt,
    Instant revokedAt) {

  public boolean can(Role needed) {
    return role.includes(needed);
  }

  /** Whether submissions with this key are counted against a quota. */
  public boolean hasQuota() {
    return maxActiveStudies != null
        || maxJobsPerDay != null
        || maxFlopsPerDay != null
        || maxStorageBytes != null;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
