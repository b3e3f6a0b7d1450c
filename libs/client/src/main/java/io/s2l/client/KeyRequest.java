package io.s2l.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A key to create.
 *
 * @param owner keys of one owner see the same studies
 * @param role {@code READ}, {@code SUBMIT} or {@code ADMIN}
 * @param maxActiveStudies null for no limit
 * @param maxJobsPerDay null for no limit
 * @param maxFlopsPerDay the daily compute budget in estimated FLOPs; null for no limit
 * @param maxStorageBytes the bytes of datasets, imported tables and estimated artifacts the key may
 *     hold; null for no limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // what is left out takes the service's default
public record KeyRequest(
    String owner,
    String name,
    String role,
    Integer maxActiveStudies,
    Integer maxJobsPerDay,
    Double maxFlopsPerDay,
    Long maxStorageBytes) {

  /** A key without a compute or storage budget. */
  public KeyRequest(
      String owner, String name, String role, Integer maxActiveStudies, Integer maxJobsPerDay) {
    this(owner, name, role, maxActiveStudies, maxJobsPerDay, null, null);
  }
}
