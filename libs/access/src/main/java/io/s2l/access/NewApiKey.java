package io.s2l.access;

/**
 * A key to create. Quotas are optional (null: no limit).
 *
 * @throws InvalidApiKeyException naming the first invalid field
 */
public record NewApiKey(
    String owner,
    String name,
    Role role,
    Integer maxActiveStudies,
    Integer maxJobsPerDay,
    Double maxFlopsPerDay,
    Long maxStorageBytes) {

  /** A key without a compute or storage budget. */
  public NewApiKey(
      String owner, String name, Role role, Integer maxActiveStudies, Integer maxJobsPerDay) {
    this(owner, name, role, maxActiveStudies, maxJobsPerDay, null, null);
  }

  /** A key without a storage budget. */
  public NewApiKey(
      String owner,
      String name,
      Role role,
      Integer maxActiveStudies,
      Integer maxJobsPerDay,
      Double maxFlopsPerDay) {
    this(owner, name, role, maxActiveStudies, maxJobsPerDay, maxFlopsPerDay, null);
  }

  public NewApiKey {
    require(owner, "owner", 100);
    require(name, "name", 200);
    if (role == null) {
      throw new InvalidApiKeyException("role", "required: one of READ, SUBMIT, ADMIN");
    }
    positive(maxActiveStudies, "maxActiveStudies");
    positive(maxJobsPerDay, "maxJobsPerDay");
    if (maxFlopsPerDay != null && !(maxFlopsPerDay > 0 && maxFlopsPerDay < MAX_FLOPS_PER_DAY)) {
      throw new InvalidApiKeyException(
          "maxFlopsPerDay", "must be positive and below 1e30 (leave it out for no limit)");
    }
    if (maxStorageBytes != null && maxStorageBytes <= 0) {
      throw new InvalidApiKeyException(
          "maxStorageBytes", "must be positive (leave it out for no limit)");
    }
  }

  /** Bound of a compute budget: far past any study, and finite, so it is a budget. */
  public static final double MAX_FLOPS_PER_DAY = 1e30;

  private static void require(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidApiKeyException(field, "required");
    }
    if (value.length() > maxLength) {
      throw new InvalidApiKeyException(field, "at most " + maxLength + " characters");
    }
    if (value.indexOf('\0') >= 0) {
      throw new InvalidApiKeyException(field, "must not contain the NUL character (U+0000)");
    }
  }

  private static void positive(Integer value, String field) {
    if (value != null && value <= 0) {
      throw new InvalidApiKeyException(field, "must be positive (leave it out for no limit)");
    }
  }
}
