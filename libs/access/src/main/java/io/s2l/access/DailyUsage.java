package io.s2l.access;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily quotas: jobs and estimated FLOPs a key queued in the last 24 hours of the database's
 * clock, with its live reservations, against {@code maxJobsPerDay} and {@code maxFlopsPerDay}.
 * Called under the key's lock by {@link Quotas}.
 */
final class DailyUsage {

  private final JdbcTemplate jdbc;

  DailyUsage(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What a key holds: one statement, so a reservation turning into a charge counts once. */
  private record Held(long jobs, double flops) {}

  void check(ApiKey key, QuotaCharge charge) {
    if (key.maxJobsPerDay() == null && key.maxFlopsPerDay() == null) {
      return;
    }
    Held held =
        jdbc.queryForObject(
            "SELECT coalesce(sum(jobs), 0), coalesce(sum(flops), 0) FROM ("
                + " SELECT jobs, flops FROM access.job_charge"
                + " WHERE key_id = ? AND created_at > now() - interval '24 hours'"
                + " UNION ALL SELECT jobs, flops FROM access.quota_reservation"
                + " WHERE key_id = ? AND expires_at > now()) held",
            (rs, row) -> new Held(rs.getLong(1), rs.getDouble(2)),
            key.id(),
            key.id());
    if (key.maxJobsPerDay() != null && held.jobs() + charge.jobs() > key.maxJobsPerDay()) {
      throw new QuotaExceededException(
          "maxJobsPerDay",
          key.maxJobsPerDay(),
          charge.jobs(),
          held.jobs(),
          "this request queues "
              + charge.jobs()
              + " jobs; with the "
              + held.jobs()
              + " of the last 24 hours that makes "
              + (held.jobs() + charge.jobs())
              + ", over the key's quota of "
              + key.maxJobsPerDay()
              + " (maxJobsPerDay)");
    }
    if (key.maxFlopsPerDay() != null && held.flops() + charge.flops() > key.maxFlopsPerDay()) {
      throw new QuotaExceededException(
          "maxFlopsPerDay",
          key.maxFlopsPerDay(),
          charge.flops(),
          held.flops(),
          String.format(
              Locale.ROOT,
              "this request needs an estimated %.3e FLOPs; with the %.3e of the last 24 hours"
                  + " that makes %.3e, over the key's budget of %.3e (maxFlopsPerDay)",
              charge.flops(),
              held.flops(),
              held.flops() + charge.flops(),
              key.maxFlopsPerDay()));
    }
  }
}
