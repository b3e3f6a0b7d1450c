package io.s2l.access;

import java.sql.Array;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a key holds, read under its lock in one statement, so one snapshot (a reservation turning
 * into a charge meanwhile counts once, as one or the other): the jobs and estimated FLOPs of its
 * charges of the last 24 hours of the database's clock and of its live reservations, how many
 * studies it created, the studies its live reservations create, and the bytes it holds (all its
 * charges' and live reservations' storage: nothing a key stores can be deleted today). The daily
 * quotas, {@code maxJobsPerDay} and {@code maxFlopsPerDay}, and the storage budget {@code
 * maxStorageBytes} are checked here.
 */
record DailyUsage(long jobs, double flops, long studies, List<UUID> reserving, long storage) {

  static DailyUsage read(JdbcTemplate jdbc, long keyId) {
    return jdbc.queryForObject(
        "WITH held AS (SELECT jobs, flops FROM access.job_charge"
            + " WHERE key_id = ? AND created_at > now() - interval '24 hours'"
            + " UNION ALL SELECT jobs, flops FROM access.quota_reservation"
            + " WHERE key_id = ? AND expires_at > now())"
            + " SELECT (SELECT coalesce(sum(jobs), 0) FROM held),"
            + " (SELECT coalesce(sum(flops), 0) FROM held),"
            + " (SELECT count(*) FROM access.study_owner WHERE key_id = ?),"
            + " (SELECT coalesce(array_agg(study_id), '{}') FROM access.quota_reservation"
            + " WHERE key_id = ? AND creates_study AND expires_at > now()),"
            + " (SELECT coalesce(sum(storage_bytes), 0) FROM access.job_charge"
            + " WHERE key_id = ? AND storage_bytes > 0)"
            + " + (SELECT coalesce(sum(storage_bytes), 0) FROM access.quota_reservation"
            + " WHERE key_id = ? AND expires_at > now())",
        (rs, row) -> {
          Array reserving = rs.getArray(4);
          return new DailyUsage(
              rs.getLong(1),
              rs.getDouble(2),
              rs.getLong(3),
              List.of((UUID[]) reserving.getArray()),
              rs.getLong(5));
        },
        keyId,
        keyId,
        keyId,
        keyId,
        keyId,
        keyId);
  }

  void check(ApiKey key, QuotaCharge charge) {
    if (key.maxJobsPerDay() != null && jobs + charge.jobs() > key.maxJobsPerDay()) {
      throw new QuotaExceededException(
          "maxJobsPerDay",
          key.maxJobsPerDay(),
          charge.jobs(),
          jobs,
          "this request queues "
              + charge.jobs()
              + " jobs; with the "
              + jobs
              + " of the last 24 hours that makes "
              + (jobs + charge.jobs())
              + ", over the key's quota of "
              + key.maxJobsPerDay()
              + " (maxJobsPerDay)");
    }
    if (key.maxFlopsPerDay() != null && flops + charge.flops() > key.maxFlopsPerDay()) {
      throw new QuotaExceededException(
          "maxFlopsPerDay",
          key.maxFlopsPerDay(),
          charge.flops(),
          flops,
          String.format(
              Locale.ROOT,
              "this request needs an estimated %.3e FLOPs; with the %.3e of the last 24 hours"
                  + " that makes %.3e, over the key's budget of %.3e (maxFlopsPerDay)",
              charge.flops(),
              flops,
              flops + charge.flops(),
              key.maxFlopsPerDay()));
    }
    Long maxStorage = key.maxStorageBytes();
    if (maxStorage != null && charge.storageBytes() > maxStorage - storage) {
      throw storageExceeded(key, charge.storageBytes(), storage);
    }
  }

  /** The refusal of {@code requested} bytes when the key holds {@code used}. */
  static QuotaExceededException storageExceeded(ApiKey key, long requested, long used) {
    return new QuotaExceededException(
        "maxStorageBytes",
        key.maxStorageBytes(),
        requested,
        used,
        "this request stores "
            + requested
            + " bytes; the key already holds "
            + used
            + " (its datasets and the estimated artifacts of its studies), and its storage"
            + " budget is "
            + key.maxStorageBytes()
            + " bytes (maxStorageBytes)");
  }
}
