package io.s2l.access;

import java.sql.Array;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a key holds, read under its lock in one statement, so one snapshot (a reservation turning
 * into a charge meanwhile counts once, as one or the other): the jobs and estimated FLOPs it was
 * charged in the daily window and those of its live reservations, how many studies it created, the
 * studies its live reservations create, and the bytes it holds (all its charges' and live
 * reservations' storage, of datasets, imported tables and studies: nothing a key stores can be
 * deleted today). The daily quotas, {@code maxJobsPerDay} and {@code maxFlopsPerDay}, and the
 * storage budget {@code maxStorageBytes} are checked here.
 *
 * <p>The daily window is the last 24 whole hours of the database's clock, in UTC, and the hour
 * under way: a charge, timed as its request writes it ({@code clock_timestamp()}, just before the
 * request commits), counts until the end of the hour 24 hours after that one, so for at most 25
 * hours and at least 24 less the moment between writing and committing. Whole hours keep what the
 * check reads small: a key's charges are counted into per-hour totals ({@code access.usage_hour})
 * and a storage total ({@code access.stored_bytes}) by its next check, under its lock, and their
 * rows deleted; so a check reads at most 25 totals and the few charges committed since the last
 * check, whatever the key did before. Keys without a quota are never checked: their charges stay
 * rows.
 */
record DailyUsage(long jobs, double flops, long studies, List<UUID> reserving, long storage) {

  /**
   * The start of the daily window: a charge counts while its hour is not before it. Times are the
   * statement's ({@code statement_timestamp()}), not its transaction's: a request checked again as
   * it is stored reads them long after its transaction began.
   */
  static final String WINDOW_START =
      "date_trunc('hour', statement_timestamp(), 'UTC') - interval '24 hours'";

  /**
   * Counts the charges committed since the last count into the totals (hours before the window are
   * dropped, their jobs and FLOPs no longer count; their bytes always do) and deletes the totals of
   * hours that left the window. Data-modifying parts of one statement, which all see the snapshot
   * the statement began with: the usage read beside them still sees the charges as rows and the
   * totals without them, so it counts every charge once.
   */
  private static final String COUNT =
      " moved AS (DELETE FROM access.job_charge WHERE key_id = (SELECT id FROM k)"
          + "  RETURNING created_at, jobs, flops, storage_bytes),"
          + " hourly AS (INSERT INTO access.usage_hour AS u (key_id, hour, jobs, flops)"
          + "  SELECT (SELECT id FROM k), date_trunc('hour', created_at, 'UTC'), sum(jobs),"
          + "  sum(flops) FROM moved WHERE created_at >= "
          + WINDOW_START
          + "  GROUP BY 2 ON CONFLICT (key_id, hour)"
          + "  DO UPDATE SET jobs = u.jobs + excluded.jobs, flops = u.flops + excluded.flops),"
          + " stored AS (INSERT INTO access.stored_bytes AS s (key_id, bytes)"
          + "  SELECT (SELECT id FROM k), sum(storage_bytes) FROM moved"
          + "  HAVING coalesce(sum(storage_bytes), 0) > 0"
          + "  ON CONFLICT (key_id) DO UPDATE SET bytes = s.bytes + excluded.bytes),"
          + " expired AS (DELETE FROM access.usage_hour"
          + "  WHERE key_id = (SELECT id FROM k) AND hour < "
          + WINDOW_START
          + "),";

  /** The usage, from the totals, the charges not yet counted and the live reservations. */
  private static final String USAGE =
      " live AS MATERIALIZED (SELECT jobs, flops, storage_bytes, creates_study, study_id"
          + "  FROM access.quota_reservation"
          + "  WHERE key_id = (SELECT id FROM k) AND expires_at > statement_timestamp()),"
          + " charged AS MATERIALIZED (SELECT created_at, jobs, flops, storage_bytes"
          + "  FROM access.job_charge WHERE key_id = (SELECT id FROM k)),"
          + " daily AS (SELECT jobs, flops FROM access.usage_hour"
          + "  WHERE key_id = (SELECT id FROM k) AND hour >= "
          + WINDOW_START
          + "  UNION ALL SELECT jobs, flops FROM charged WHERE created_at >= "
          + WINDOW_START
          + "  UNION ALL SELECT jobs, flops FROM live)"
          + " SELECT (SELECT coalesce(sum(jobs), 0) FROM daily),"
          + " (SELECT coalesce(sum(flops), 0) FROM daily),"
          + " (SELECT count(*) FROM access.study_owner WHERE key_id = (SELECT id FROM k)),"
          + " (SELECT coalesce(array_agg(study_id), '{}') FROM live WHERE creates_study),"
          + " (SELECT coalesce(sum(bytes), 0) FROM access.stored_bytes"
          + "  WHERE key_id = (SELECT id FROM k))"
          + " + (SELECT coalesce(sum(storage_bytes), 0) FROM charged)"
          + " + (SELECT coalesce(sum(storage_bytes), 0) FROM live)";

  /** What the key holds, without counting its charges: for a read outside the key's lock. */
  static DailyUsage read(JdbcTemplate jdbc, long keyId) {
    return query(jdbc, "WITH k (id) AS (VALUES (?::bigint))," + USAGE, keyId);
  }

  /**
   * What the key holds, counting its charges into the totals: under the key's lock (two counts of
   * one key at once would still count each charge once, a deleted row being counted by whoever
   * deleted it, but the lock keeps them from waiting on each other's rows).
   */
  static DailyUsage countAndRead(JdbcTemplate jdbc, long keyId) {
    return query(jdbc, "WITH k (id) AS (VALUES (?::bigint))," + COUNT + USAGE, keyId);
  }

  private static DailyUsage query(JdbcTemplate jdbc, String sql, long keyId) {
    return jdbc.queryForObject(
        sql,
        (rs, row) -> {
          Array reserving = rs.getArray(4);
          return new DailyUsage(
              rs.getLong(1),
              rs.getDouble(2),
              rs.getLong(3),
              List.of((UUID[]) reserving.getArray()),
              rs.getLong(5));
        },
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
              + " of the daily window (the last 24 whole hours and this one) that makes "
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
              "this request needs an estimated %.3e FLOPs; with the %.3e of the daily window (the"
                  + " last 24 whole hours and this one) that makes %.3e, over the key's budget of"
                  + " %.3e (maxFlopsPerDay)",
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
            + " (its datasets, its imported tables and the estimated artifacts of its studies), and"
            + " its storage budget is "
            + key.maxStorageBytes()
            + " bytes (maxStorageBytes)");
  }
}
