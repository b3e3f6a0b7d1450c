package io.s2l.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who owns which study, and the quotas that guard every request that queues jobs. Every method runs
 * in the caller's transaction (Spring's, through {@link JdbcTemplate}), so an owner row or a charge
 * is written with its study or jobs, or not at all.
 */
public class StudyOwners {

  /** First half of the advisory-lock keys of quota checks (the second is the key's id). */
  private static final int LOCK_SPACE = 0x5324_0001;

  private final JdbcTemplate jdbc;

  public StudyOwners(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that {@code key} created {@code studyId}: its owner owns it. */
  public void record(UUID studyId, ApiKey key, Instant now) {
    jdbc.update(
        "INSERT INTO access.study_owner (study_id, owner, key_id, created_at) VALUES (?, ?, ?, ?)",
        studyId,
        key.owner(),
        key.id(),
        Timestamp.from(now));
  }

  /**
   * Whether a key created the study, whichever service holds it (a study or an import): both are
   * recorded here.
   */
  public boolean recorded(UUID studyId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM access.study_owner WHERE study_id = ?)",
            Boolean.class,
            studyId));
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
   * Charges {@code jobs} queued jobs to the key and refuses them when they take it past a quota.
   * Call it after the jobs (and the study, if any) are written, last in the transaction: under the
   * key's lock, held until commit, the counts include them, and concurrent requests of one key are
   * checked one after another so they cannot overshoot a quota together. Throwing rolls the whole
   * request back.
   *
   * @param reason what the jobs are for ({@code study}, {@code features}, {@code rerun}, ...)
   *     <p>The charge's time and the quota's 24-hour window are the database's ({@code now()}, the
   *     transaction's start), so services whose clocks disagree count the same window.
   * @param activeStudies this key's studies that are queued or running, the new one included,
   *     counted under the lock (counting may stop at {@code maxActiveStudies + 1}); null when the
   *     request creates no study
   * @throws QuotaExceededException naming the quota
   */
  public void charge(
      ApiKey key, UUID studyId, int jobs, String reason, LongSupplier activeStudies) {
    jdbc.update(
        "INSERT INTO access.job_charge (key_id, study_id, jobs, reason, created_at)"
            + " VALUES (?, ?, ?, ?, now())",
        key.id(),
        studyId,
        jobs,
        reason);
    if (!key.hasQuota()) {
      return;
    }
    jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE, (int) key.id());
    verify(key, jobs, jobs, activeStudies);
  }

  /**
   * Refuses a request before it does any costly work (reading a large upload) when its jobs, and
   * the study it would create, would take the key past a quota now. Writes nothing and takes no
   * lock: {@link #charge} stays the check that counts, since other requests may come in between.
   *
   * @param activeStudies this key's studies that are queued or running, the new one not included;
   *     null when the request creates no study
   * @throws QuotaExceededException naming the quota
   */
  public void check(ApiKey key, int jobs, LongSupplier activeStudies) {
    if (!key.hasQuota()) {
      return;
    }
    verify(key, jobs, 0, activeStudies == null ? null : () -> activeStudies.getAsLong() + 1);
  }

  /**
   * @param charged how many of {@code jobs} are already in {@code access.job_charge}
   * @param activeStudies counted with the new study
   */
  private void verify(ApiKey key, int jobs, int charged, LongSupplier activeStudies) {
    if (key.maxActiveStudies() != null && activeStudies != null) {
      long active = activeStudies.getAsLong();
      if (active > key.maxActiveStudies()) {
        throw new QuotaExceededException(
            "maxActiveStudies",
            key.maxActiveStudies(),
            "key "
                + key.prefix()
                + "... already has "
                + (active - 1)
                + " active studies; its quota is "
                + key.maxActiveStudies());
      }
    }
    if (key.maxJobsPerDay() != null) {
      Long total =
          jdbc.queryForObject(
              "SELECT coalesce(sum(jobs), 0) FROM access.job_charge"
                  + " WHERE key_id = ? AND created_at > now() - interval '24 hours'",
              Long.class,
              key.id());
      long used = (total == null ? 0 : total) - charged;
      if (used + jobs > key.maxJobsPerDay()) {
        throw new QuotaExceededException(
            "maxJobsPerDay",
            key.maxJobsPerDay(),
            "this request queues "
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
}
