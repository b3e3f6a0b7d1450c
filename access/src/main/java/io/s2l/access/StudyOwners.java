package io.s2l.access;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who owns which study, and the quotas that guard submission. Every method runs in the caller's
 * transaction (Spring's, through {@link JdbcTemplate}), so an owner row is written with its study
 * or not at all.
 */
public class StudyOwners {

  private static final Duration DAY = Duration.ofHours(24);

  private final JdbcTemplate jdbc;

  public StudyOwners(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that {@code key} created {@code studyId}, asking for {@code jobs} jobs. */
  public void record(UUID studyId, ApiKey key, int jobs, Instant now) {
    jdbc.update(
        "INSERT INTO access.study_owner (study_id, owner, key_id, jobs, created_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        studyId,
        key.owner(),
        key.id(),
        jobs,
        Timestamp.from(now));
  }

  /** Whether {@code key} may see the study: admins see every study, others their owner's. */
  public boolean visible(UUID studyId, ApiKey key) {
    if (key.isAdmin()) {
      return true;
    }
    Boolean owned =
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM access.study_owner WHERE study_id = ? AND owner = ?)",
            Boolean.class,
            studyId,
            key.owner());
    return Boolean.TRUE.equals(owned);
  }

  /**
   * Refuses a submission of {@code jobs} jobs that would take the key past a quota. Locks the key's
   * row until the caller's transaction ends, so concurrent submissions with one key are checked one
   * after another and cannot overshoot together.
   *
   * @param activeStudies how many of this key's studies are queued or running (the caller knows
   *     study states); read after this lock is taken, so call {@link #lock} first
   * @throws QuotaExceededException naming the quota
   */
  public void checkQuota(ApiKey key, long activeStudies, int jobs, Instant now) {
    if (key.maxActiveStudies() != null && activeStudies + 1 > key.maxActiveStudies()) {
      throw new QuotaExceededException(
          "maxActiveStudies",
          key.maxActiveStudies(),
          "key "
              + key.prefix()
              + "... already has "
              + activeStudies
              + " active studies; its quota is "
              + key.maxActiveStudies());
    }
    if (key.maxJobsPerDay() != null) {
      Long used =
          jdbc.queryForObject(
              "SELECT coalesce(sum(jobs), 0) FROM access.study_owner"
                  + " WHERE key_id = ? AND created_at > ?",
              Long.class,
              key.id(),
              Timestamp.from(now.minus(DAY)));
      long total = (used == null ? 0 : used) + jobs;
      if (total > key.maxJobsPerDay()) {
        throw new QuotaExceededException(
            "maxJobsPerDay",
            key.maxJobsPerDay(),
            "this study asks for "
                + jobs
                + " jobs; with the "
                + used
                + " of the last 24 hours that makes "
                + total
                + ", over the key's quota of "
                + key.maxJobsPerDay());
      }
    }
  }

  /** Locks the key's row for the rest of the caller's transaction. */
  public void lock(ApiKey key) {
    jdbc.queryForList("SELECT id FROM access.api_key WHERE id = ? FOR UPDATE", key.id());
  }
}
