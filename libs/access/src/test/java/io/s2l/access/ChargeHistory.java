package io.s2l.access;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What tests read of a key's charges and how they make hours pass, over both places charges live.
 */
final class ChargeHistory {

  private ChargeHistory() {}

  /**
   * Moves every charge of {@code key}, counted or not, back by {@code hours} whole hours, as if
   * they had passed on the database's clock. The totals go through a far range first, so that two
   * hours {@code hours} apart never meet on the primary key midway.
   */
  static void hoursPass(JdbcTemplate jdbc, ApiKey key, int hours) {
    jdbc.update(
        "UPDATE access.job_charge SET created_at = created_at - ? * interval '1 hour'"
            + " WHERE key_id = ?",
        hours,
        key.id());
    jdbc.update(
        "UPDATE access.usage_hour SET hour = hour - (? + 100000) * interval '1 hour'"
            + " WHERE key_id = ?",
        hours,
        key.id());
    jdbc.update(
        "UPDATE access.usage_hour SET hour = hour + 100000 * interval '1 hour' WHERE key_id = ?",
        key.id());
  }

  /**
   * Waits, when the database's clock is within a few seconds of the next UTC hour, until that hour
   * has begun: for a test whose charges must stay in the hour they were made in.
   */
  static void awayFromAnHourBoundary(JdbcTemplate jdbc) throws InterruptedException {
    double left =
        jdbc.queryForObject(
            "SELECT extract(epoch FROM date_trunc('hour', now(), 'UTC') + interval '1 hour'"
                + " - clock_timestamp())::float8",
            Double.class);
    if (left < 5) {
      Thread.sleep((long) (left * 1000) + 100);
    }
  }

  /** The key's usage as its next quota check sees it, without counting anything. */
  static DailyUsage usage(JdbcTemplate jdbc, ApiKey key) {
    return DailyUsage.read(jdbc, key.id());
  }
}
