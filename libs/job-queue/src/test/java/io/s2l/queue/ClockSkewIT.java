package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.s2l.testsupport.QueueTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workers whose clocks disagree with each other and with the database share one queue: leases,
 * rescue and backoff follow the database's clock alone, so no worker loses a healthy job or takes
 * one early, whichever way its clock is off.
 */
class ClockSkewIT {

  private static final List<String> TRAIN = List.of("train");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final RetryPolicy TEN_SECONDS =
      new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10));

  private final UUID study = UUID.randomUUID();
  private HikariDataSource dataSource;

  @BeforeEach
  void database() {
    dataSource = QueueDatabase.fresh();
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  /** The queue of a worker whose clock is {@code offsetSeconds} off the database's. */
  private JobQueue workerOff(long offsetSeconds) {
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(offsetSeconds));
    return new JobQueue(dataSource, clock, TEN_SECONDS);
  }

  @ParameterizedTest(name = "{0} s behind")
  @ValueSource(longs = {45, 300})
  void aWorkerWhoseClockIsBehindKeepsItsHealthyJob(long behind) throws Exception {
    JobQueue late = workerOff(-behind);
    enqueue(late);
    ClaimedJob job = late.claim(TRAIN, "late", LEASE).orElseThrow();
    assertThat(secondsLeftOnLease()).isBetween(25.0, 30.0);

    // every other worker, on time or ahead, sees a live lease
    assertThat(workerOff(0).rescueExpired()).isZero();
    assertThat(workerOff(300).rescueExpired()).isZero();
    assertThat(late.heartbeat(job, LEASE, 0.5)).isTrue();
    assertThat(secondsLeftOnLease()).isBetween(25.0, 30.0);
    QueueTime.advance(dataSource, LEASE.minusSeconds(5));
    assertThat(workerOff(300).rescueExpired()).isZero();

    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      assertThat(late.complete(c, job)).isTrue();
      c.commit();
    }
  }

  @ParameterizedTest(name = "{0} s ahead")
  @ValueSource(longs = {45, 300})
  void aWorkerWhoseClockIsAheadCannotRescueAHealthyJobEarly(long ahead) throws Exception {
    JobQueue onTime = workerOff(0);
    enqueue(onTime);
    ClaimedJob job = onTime.claim(TRAIN, "on-time", LEASE).orElseThrow();
    JobQueue early = workerOff(ahead);

    assertThat(early.rescueExpired()).isZero();
    assertThat(early.claim(TRAIN, "early", LEASE)).isEmpty();
    QueueTime.advance(dataSource, LEASE.minusSeconds(5));
    assertThat(early.rescueExpired()).isZero();
    assertThat(onTime.heartbeat(job, LEASE, 0.5)).isTrue();

    // once the lease has really run out, any worker rescues it
    QueueTime.advance(dataSource, LEASE.plusSeconds(1));
    assertThat(workerOff(-ahead).rescueExpired()).isEqualTo(1);
  }

  @ParameterizedTest(name = "failed by a worker {0} s off")
  @ValueSource(longs = {-300, -45, 45, 300})
  void theBackoffRunsOnTheDatabasesClock(long offset) throws Exception {
    JobQueue failing = workerOff(offset);
    enqueue(failing);
    ClaimedJob job = failing.claim(TRAIN, "failing", LEASE).orElseThrow();
    assertThat(failing.fail(job, "boom")).contains(JobState.QUEUED);

    // the delay is between 5 and 10 s of the database's time, whoever looks
    for (long claimer : new long[] {-300, 0, 300}) {
      assertThat(workerOff(claimer).claim(TRAIN, "w" + claimer, LEASE)).isEmpty();
    }
    QueueTime.advance(dataSource, Duration.ofSeconds(4));
    assertThat(workerOff(300).claim(TRAIN, "ahead", LEASE)).isEmpty();
    QueueTime.advance(dataSource, Duration.ofSeconds(6));
    assertThat(workerOff(-300).claim(TRAIN, "behind", LEASE)).isPresent();
  }

  @ParameterizedTest(name = "{0} s off")
  @ValueSource(longs = {-300, 300})
  void aTimedOutAttemptsLeaseIsCappedFromItsClaimByTheDatabasesClock(long offset) throws Exception {
    JobQueue skewed = workerOff(offset);
    enqueue(skewed);
    ClaimedJob job = skewed.claim(TRAIN, "skewed", LEASE).orElseThrow();
    assertThat(skewed.heartbeat(job, LEASE, 0.5, Duration.ofSeconds(10))).isTrue();
    assertThat(secondsLeftOnLease()).isBetween(5.0, 10.0);
    QueueTime.advance(dataSource, Duration.ofSeconds(11));
    assertThat(workerOff(0).rescueExpired()).isEqualTo(1);
  }

  private void enqueue(JobQueue on) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      on.enqueue(c, List.of(new NewJob(study, "train", "job-0", "{}", 3)));
    }
  }

  /** Seconds from the database's now to the job's lease expiry. */
  private double secondsLeftOnLease() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT extract(epoch FROM lease_expires_at - now())::float8 FROM queue.job")) {
      rs.next();
      return rs.getDouble(1);
    }
  }
}
