package io.s2l.client;

/**
 * A key to create.
 *
 * @param owner keys of one owner see the same studies
 * @param role {@code READ}, {@code SUBMIT} or {@code ADMIN}
 * @param maxActiveStudies null for no limit
 * @param maxJobsPerDay null for no limit
 */
public record KeyRequest(
    String owner, String name, String role, Integer maxActiveStudies, Integer maxJobsPerDay) {}
