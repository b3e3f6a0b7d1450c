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

  /** First half of the advisory-lock keys of quota checks (the second is the key's id). */
  private static final int LOCK_SPACE = 0x5324_0001;

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
   * Refuses a submission that took the key past a quota; call it after the study and its owner row
   * are written, under {@link #lock}, so the counts include it. Throwing rolls the whole submission
   * back.
   *
   * @param activeStudies how many of this key's studies are queued or running, this one included,
   *     counted under the lock (counting may stop at {@code maxActiveStudies + 1})
   * @throws QuotaExceededException naming the quota
   */
  public void checkQuota(ApiKey key, long activeStudies, int jobs, Instant now) {
    if (key.maxActiveStudies() != null && activeStudies > key.maxActiveStudies()) {
      throw new QuotaExceededException(
          "maxActiveStudies",
          key.maxActiveStudies(),
          "key "
              + key.prefix()
              + "... already has "
              + (activeStudies - 1)
              + " active studies; its quota is "
              + key.maxActiveStudies());
    }
    if (key.maxJobsPerDay() != null) {
      Long total =
          jdbc.queryForObject(
              "SELECT coalesce(sum(jobs), 0) FROM access.study_owner"
                  + " WHERE key_id = ? AND created_at > ?",
              Long.class,
              key.id(),
              Timestamp.from(now.minus(DAY)));
      long used = (total == null ? 0 : total) - jobs;
      if (used + jobs > key.maxJobsPerDay()) {
        throw new QuotaExceededException(
            "maxJobsPerDay",
            key.maxJobsPerDay(),
            "this study asks for "
                + jobs
                + " jobs; with the "
                + used
                + " of the last 24 hours that makes "
                + (used + jobs)
                + ", over the key's quota of "
                + key.maxJobsPerDay());
      }
    }
  }

  /**
   * Serialises the quota checks of one key until the caller's transaction ends (a transaction-level
   * advisory lock: held in memory, nothing written), so concurrent submissions with one key are
   * checked one after another and cannot overshoot a quota together.
   */
  public void lock(ApiKey key) {
    jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE, (int) key.id());
  }
}
