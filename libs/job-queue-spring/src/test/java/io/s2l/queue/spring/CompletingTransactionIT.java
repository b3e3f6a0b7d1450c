package io.s2l.queue.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import io.s2l.queue.NewJob;
import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.QueueTime;
import io.s2l.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job's results and its completion commit together or not at all, on a real database: an attempt
 * that lost its lease, or whose writes failed, leaves neither results nor a completed job.
 */
class CompletingTransactionIT {

  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final List<String> TRAIN = List.of("train");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private HikariDataSource dataSource;
  private JdbcTemplate jdbc;
  private JobQueue queue;
  private TransactionTemplate transactions;
  private CurrentTransaction current;
  private CompletingTransaction completing;

  @BeforeEach
  void database() throws Exception {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(db.url());
    dataSource.setUsername(db.user());
    dataSource.setPassword(db.password());
    dataSource.setMaximumPoolSize(4);
    queue = JobQueue.migrated(dataSource, clock);
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE test_result (job_id bigint NOT NULL, attempt int NOT NULL)");
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    current = new CurrentTransaction(dataSource);
    completing = new CompletingTransaction(current, transactions, queue);
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, List.of(new NewJob(UUID.randomUUID(), "train", "xs/mix/1", "{}", 3)));
    }
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void storesTheResultsAndCompletesTheJobTogether() throws Exception {
    ClaimedJob job = queue.claim(TRAIN, "w1", LEASE).orElseThrow();

    int stored = completing.run(job, "the result", c -> insert(c, job));

    assertThat(stored).isEqualTo(1);
    assertThat(results()).isEqualTo(1);
    assertThat(state()).isEqualTo("succeeded");
  }

  @Test
  void anAttemptThatLostItsLeaseStoresNothing() throws Exception {
    ClaimedJob first = queue.claim(TRAIN, "w1", LEASE).orElseThrow();
    QueueTime.advance(dataSource, LEASE.plusSeconds(1));
    assertThat(queue.rescueExpired()).isEqualTo(1);
    ClaimedJob second = queue.claim(TRAIN, "w2", LEASE).orElseThrow();

    assertThatThrownBy(
            () -> completing.runWithoutResult(first, "the result", c -> insert(c, first)))
        .isInstanceOf(LeaseLostException.class);

    assertThat(results()).isZero();
    assertThat(state()).isEqualTo("running");
    completing.runWithoutResult(second, "the result", c -> insert(c, second));
    assertThat(results()).isEqualTo(1);
    assertThat(state()).isEqualTo("succeeded");
  }

  @Test
  void aFailedWriteLeavesTheJobRunningAndNamesWhatCouldNotBeStored() throws Exception {
    ClaimedJob job = queue.claim(TRAIN, "w1", LEASE).orElseThrow();

    assertThatThrownBy(
            () ->
                completing.runWithoutResult(
                    job,
                    "the run of job " + job.id(),
                    c -> {
                      insert(c, job);
                      c.createStatement().execute("INSERT INTO no_such_table VALUES (1)");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot store the run of job " + job.id())
        .hasCauseInstanceOf(SQLException.class);

    assertThat(results()).isZero();
    assertThat(state()).isEqualTo("running");
  }

  @Test
  void theCurrentTransactionsConnectionRollsBackWithIt() throws Exception {
    ClaimedJob job = queue.claim(TRAIN, "w1", LEASE).orElseThrow();

    transactions.executeWithoutResult(
        status -> {
          try {
            current.run(c -> insert(c, job));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          status.setRollbackOnly();
        });
    assertThat(results()).isZero();

    transactions.executeWithoutResult(
        status -> {
          try {
            current.run(c -> insert(c, job));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(results()).isEqualTo(1);
  }

  private static int insert(Connection c, ClaimedJob job) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO test_result (job_id, attempt) VALUES (?, ?)")) {
      ps.setLong(1, job.id());
      ps.setInt(2, job.attempt());
      return ps.executeUpdate();
    }
  }

  private int results() {
    return jdbc.queryForObject("SELECT count(*) FROM test_result", Integer.class);
  }

  private String state() {
    return jdbc.queryForObject("SELECT state FROM queue.job", String.class);
  }
}
