package io.s2l.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2l.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The daily job quota counts a window of the database's clock, whatever the service's says. */
class QuotaClockIT {

  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;
  private Quotas quotas;
  private ApiKey key;

  @BeforeEach
  void database() {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(db.url(), db.user(), db.password());
    AccessSchema.migrate(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    quotas = new Quotas(jdbc, transactions, Duration.ofSeconds(60));
    // the key's service runs a day behind: nothing of the quota may depend on it
    Clock dayBehind = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));
    key =
        new ApiKeys(jdbc, dayBehind)
            .create(new NewApiKey("alice", "alice's key", Role.SUBMIT, null, 10))
            .key();
  }

  @Test
  void chargesAreTimedByTheDatabase() {
    charge(6);
    Double age =
        jdbc.queryForObject(
            "SELECT extract(epoch FROM now() - created_at)::float8 FROM access.job_charge",
            Double.class);
    assertThat(age).isBetween(0.0, 5.0);
  }

  @Test
  void theDailyQuotaCountsTheLast24HoursOfTheDatabasesClock() {
    charge(6);
    hoursPass(23);
    assertThatThrownBy(() -> charge(6))
        .isInstanceOfSatisfying(
            QuotaExceededException.class, e -> assertThat(e.quota()).isEqualTo("maxJobsPerDay"));
    hoursPass(2);
    charge(6);
    assertThat(ChargeHistory.usage(jdbc, key).jobs())
        .as("the first charge left the window and the refused one was not kept")
        .isEqualTo(6);
  }

  /** Charges {@code jobs} as a request does: a place held, then charged in its transaction. */
  private void charge(int jobs) {
    quotas.charged(key, UUID.randomUUID(), new QuotaCharge("study", jobs, 0, false), () -> null);
  }

  private void hoursPass(int hours) {
    ChargeHistory.hoursPass(jdbc, key, hours);
  }
}
