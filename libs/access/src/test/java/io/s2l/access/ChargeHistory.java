package io.s2l.access;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What tests read of a key's charges and how they make hours pass, over both places charges live.
 */
final class ChargeHistory {

  private ChargeHistory() {}

  /**
   * Moves every charge, counted or not, back by {@code hours} whole hours, as if they had passed on
   * the database's clock.
   */
  static void hoursPass(JdbcTemplate jdbc, int hours) {
    jdbc.update(
        "UPDATE access.job_charge SET created_at = created_at - ? * interval '1 hour'", hours);
    jdbc.update("UPDATE access.usage_hour SET hour = hour - ? * interval '1 hour'", hours);
  }

  /** The key's usage as its next quota check sees it, without counting anything. */
  static DailyUsage usage(JdbcTemplate jdbc, ApiKey key) {
    return DailyUsage.read(jdbc, key.id());
  }
}
