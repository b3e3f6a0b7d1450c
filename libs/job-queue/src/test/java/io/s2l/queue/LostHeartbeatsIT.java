package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker cut off from the database while it runs a job: its heartbeats fail, its lease expires,
 * another worker takes the job over and completes it. When the first one can reach the database
 * again, its next heartbeat is refused (its attempt is stale), it abandons the job, and the job
 * stays completed once, by the second attempt.
 */
class LostHeartbeatsIT {

  private static final List<String> TRAIN = List.of("train");
  private static final QueueTimings SHORT =
      new QueueTimings(Duration.ofMillis(300), Duration.ofMinutes(1));
  private static final Duration WAIT = Duration.ofSeconds(10);

  private HikariDataSource dataSource;

  @BeforeEach
  void database() {
    dataSource = QueueDatabase.fresh();
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void aWorkerWhoseHeartbeatsAreLostGivesItsJobUpToTheWorkerThatTookItOver() throws Exception {
    Severable cutOff = new Severable(dataSource);
    JobQueue isolated = new JobQueue(cutOff, Clock.systemUTC(), RetryPolicy.DEFAULT);
    JobQueue healthy = new JobQueue(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT);
    try (Connection c = dataSource.getConnection()) {
      healthy.enqueue(c, List.of(new NewJob(UUID.randomUUID(), "train", "job-0", "{}", 3)));
    }

    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> firstOutcome = new CompletableFuture<>();
    JobRunner first =
        new JobRunner(
                isolated,
                TRAIN,
                "cut-off",
                SHORT,
                WorkerCapabilities.ANY_CPU,
                (job, context) -> {
                  started.countDown();
                  while (true) { // a long job that looks at its lease, as real handlers do
                    context.checkLease();
                    Thread.sleep(10);
                  }
                })
            .reportingTo((job, outcome, took) -> firstOutcome.complete(outcome));
    Thread firstLoop = new Thread(() -> runOnce(first), "cut-off");
    firstLoop.setDaemon(true);
    firstLoop.start();
    assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    cutOff.sever();

    CompletableFuture<ClaimedJob> takenOver = new CompletableFuture<>();
    JobRunner second =
        new JobRunner(
            healthy,
            TRAIN,
            "healthy",
            SHORT,
            WorkerCapabilities.ANY_CPU,
            (job, context) -> {
              try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                assertThat(healthy.complete(c, job)).isTrue();
                c.commit();
              }
              takenOver.complete(job);
            });
    second.start(Duration.ofMillis(20), "healthy");
    try {
      assertThat(takenOver.get(WAIT.toSeconds(), TimeUnit.SECONDS).attempt()).isEqualTo(2);
      assertThat(firstOutcome).isNotDone(); // still running, cut off, unaware
    } finally {
      second.stopAndWait(WAIT);
    }

    cutOff.heal();
    assertThat(firstOutcome.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(JobEvents.LOST);
    first.awaitStopped(firstLoop, WAIT);
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT state, attempt FROM queue.job")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("succeeded");
      assertThat(rs.getInt(2)).isEqualTo(2);
    }
  }

  private static void runOnce(JobRunner runner) {
    try {
      runner.runOnce();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A data source whose connections can be refused, as if the network to the database broke. */
  private static final class Severable implements DataSource {
    private final DataSource delegate;
    private final AtomicBoolean severed = new AtomicBoolean();

    Severable(DataSource delegate) {
      this.delegate = delegate;
    }

    void sever() {
      severed.set(true);
    }

    void heal() {
      severed.set(false);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (severed.get()) {
        throw new SQLException("Connection refused (the test cut this worker off)", "08001");
      }
      return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return delegate.isWrapperFor(type);
    }
  }
}
