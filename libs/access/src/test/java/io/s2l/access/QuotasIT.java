package io.s2l.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/** The quotas against a real PostgreSQL: exact under concurrency, without queueing one key. */
class QuotasIT {

  private static HikariDataSource dataSource;
  private static JdbcTemplate jdbc;
  private static TransactionTemplate transactions;
  private static Quotas quotas;
  private static ApiKeys keys;
  private static JobQueue queue;

  @BeforeAll
  static void database() {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(12);
    dataSource = new HikariDataSource(config);
    AccessSchema.migrate(dataSource);
    queue = JobQueue.migrated(dataSource, Clock.systemUTC());
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    quotas = new Quotas(jdbc, transactions, Duration.ofSeconds(60));
    keys = new ApiKeys(jdbc, Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  private static ApiKey key(Integer active, Integer jobs, Double flops) {
    return keys.create(new NewApiKey("team", "k", Role.SUBMIT, active, jobs, flops)).key();
  }

  private static QuotaCharge jobs(int n) {
    return new QuotaCharge("study", n, 0, false);
  }

  /** Stores nothing but the charge, in a transaction of its own. */
  private static void submit(ApiKey key, QuotaCharge charge) {
    quotas.reserved(
        key,
        UUID.randomUUID(),
        charge,
        reservation -> transactions.execute(status -> storeAndCharge(reservation, List.of())));
  }

  private static Void storeAndCharge(QuotaReservation reservation, List<NewJob> jobs) {
    try {
      queue.enqueue(DataSourceUtils.getConnection(dataSource), jobs);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    quotas.charge(reservation);
    return null;
  }

  @Test
  void concurrentSubmissionsOfOneKeyAreCheckedWithoutWaitingForEachOthersTransactions()
      throws Exception {
    int submissions = 8;
    int quota = 3;
    ApiKey key = key(null, quota, null);
    // every accepted submission keeps its transaction open until all have been checked: a quota
    // check that waited for other transactions to end would never get there
    CountDownLatch checked = new CountDownLatch(submissions);
    ExecutorService pool = Executors.newFixedThreadPool(submissions);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (int i = 0; i < submissions; i++) {
      outcomes.add(
          pool.submit(
              () -> {
                QuotaReservation reservation;
                try {
                  reservation = quotas.reserve(key, UUID.randomUUID(), jobs(1));
                } catch (QuotaExceededException e) {
                  checked.countDown();
                  return false;
                }
                checked.countDown();
                try {
                  return transactions.execute(
                      status -> {
                        jdbc.queryForObject("SELECT 1", Integer.class); // the connection is held
                        await(checked);
                        storeAndCharge(reservation, List.of());
                        return true;
                      });
                } finally {
                  quotas.release(reservation);
                }
              }));
    }
    long accepted = 0;
    for (Future<Boolean> outcome : outcomes) {
      accepted += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(accepted).isEqualTo(quota);
    assertThat(charged(key)).isEqualTo(quota);
    assertThat(reservations(key)).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException(new TimeoutException("quota checks were serialised"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theStorageBudgetCountsEverythingTheKeyHoldsAndThePlacesOfUploadsBeingRead() {
    ApiKey key =
        keys.create(new NewApiKey("team", "k", Role.SUBMIT, null, null, null, 1000L)).key();
    submit(key, new QuotaCharge("study", 1, 0, true, 600));
    // not a daily budget: a charge of days ago still counts, counted or not
    ChargeHistory.hoursPass(jdbc, key, 72);
    assertThat(quotas.storageUsed(key)).isEqualTo(600);
    quotas.release(quotas.reserveUpload(key, 0, 1 << 20)); // counts the charge into the totals
    ChargeHistory.hoursPass(jdbc, key, 72);
    assertThatThrownBy(() -> quotas.reserveUpload(key, 401, 1 << 20))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.quota()).isEqualTo("maxStorageBytes");
              assertThat(e.limit()).isEqualTo(1000L);
              assertThat(e.requested()).isEqualTo(401L);
              assertThat(e.used()).isEqualTo(600L);
            });
    // an upload of unknown length holds what is left while it is read
    QuotaReservation reading = quotas.reserveUpload(key, -1, 1 << 20);
    assertThat(reading.charge().storageBytes()).isEqualTo(400);
    assertThatThrownBy(() -> quotas.reserveUpload(key, 1, 1 << 20))
        .isInstanceOf(QuotaExceededException.class);
    transactions.executeWithoutResult(status -> quotas.chargeUpload(reading, 150));
    quotas.release(reading);
    assertThat(quotas.storageUsed(key)).isEqualTo(750);
    QuotaReservation next = quotas.reserveUpload(key, 250, 1 << 20);
    quotas.release(next); // a refused or failed upload gives its place back
    assertThat(quotas.storageUsed(key)).isEqualTo(750);
  }

  @Test
  void anUploadThatQueuesAJobHoldsTheJobAndItsBytesInOnePlaceAndIsChargedBoth() {
    ApiKey key = keys.create(new NewApiKey("team", "k", Role.SUBMIT, 1, 1, null, 1000L)).key();
    QuotaCharge imported = new QuotaCharge("import", 1, 5e9, true);
    UUID id = UUID.randomUUID();
    QuotaReservation reading = quotas.reserveUpload(key, id, imported, -1, 1 << 20);
    assertThat(reading.charge()).isEqualTo(new QuotaCharge("import", 1, 5e9, true, 1000));
    assertThat(
            jdbc.queryForMap(
                "SELECT study_id, jobs, creates_study, storage_bytes"
                    + " FROM access.quota_reservation WHERE key_id = ?",
                key.id()))
        .containsEntry("study_id", id)
        .containsEntry("jobs", 1)
        .containsEntry("creates_study", true)
        .containsEntry("storage_bytes", 1000L);
    // the one place holds the job, the active study and the bytes
    assertThatThrownBy(() -> quotas.reserve(key, UUID.randomUUID(), jobs(1)))
        .isInstanceOfSatisfying(
            QuotaExceededException.class, e -> assertThat(e.quota()).isEqualTo("maxJobsPerDay"));
    assertThatThrownBy(() -> quotas.reserveUpload(key, 1, 1 << 20))
        .isInstanceOfSatisfying(
            QuotaExceededException.class, e -> assertThat(e.quota()).isEqualTo("maxStorageBytes"));
    transactions.executeWithoutResult(status -> quotas.chargeUpload(reading, 300));
    quotas.release(reading);
    assertThat(reservations(key)).isZero();
    assertThat(charged(key)).isEqualTo(1);
    assertThat(quotas.storageUsed(key)).isEqualTo(300);
    // a declared length past what is left is refused before anything is read
    assertThatThrownBy(() -> quotas.reserveUpload(key, UUID.randomUUID(), jobs(0), 701, 1 << 20))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.quota()).isEqualTo("maxStorageBytes");
              assertThat(e.requested()).isEqualTo(701L);
              assertThat(e.used()).isEqualTo(300L);
            });
    assertThat(reservations(key)).isZero();
  }

  @Test
  void theComputeBudgetRefusesARequestPastItNamingEstimateAndUse() {
    ApiKey key = key(null, null, 1e12);
    submit(key, new QuotaCharge("study", 1, 6e11, false));
    assertThatThrownBy(() -> submit(key, new QuotaCharge("study", 1, 6e11, false)))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.quota()).isEqualTo("maxFlopsPerDay");
              assertThat(e.limit()).isEqualTo(1e12);
              assertThat(e.requested()).isEqualTo(6e11);
              assertThat(e.used()).isEqualTo(6e11);
              assertThat(e.getMessage()).contains("maxFlopsPerDay", "6.000e+11", "1.000e+12");
            });
    submit(key, new QuotaCharge("study", 1, 4e11, false)); // what is left still fits
    assertThat(ChargeHistory.usage(jdbc, key).flops()).isEqualTo(1e12);
  }

  @Test
  void aChargeCountsUntilTheEndOfTheHour24HoursAfterItsOwn() throws Exception {
    ChargeHistory.awayFromAnHourBoundary(jdbc);
    ApiKey key = key(null, 1, null);
    submit(key, jobs(1));
    // not yet counted into the hourly totals: read from its own row, at the window's first instant
    jdbc.update(
        "UPDATE access.job_charge SET created_at = date_trunc('hour', now(), 'UTC')"
            + " - interval '24 hours' WHERE key_id = ?",
        key.id());
    assertThatThrownBy(() -> submit(key, jobs(1))).isInstanceOf(QuotaExceededException.class);
    // counted by that check: now in the totals of its hour
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM access.job_charge WHERE key_id = ?", Long.class, key.id()))
        .isZero();
    ChargeHistory.hoursPass(jdbc, key, 1);
    submit(key, jobs(1));
    // the totals of hours that left the window are deleted by the key's next check
    submit(key, new QuotaCharge("study", 0, 0, false));
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM access.usage_hour WHERE key_id = ?", Long.class, key.id()))
        .isEqualTo(1);
  }

  @Test
  void aChargeOfTheLastWholeHourStillCounts() throws Exception {
    ChargeHistory.awayFromAnHourBoundary(jdbc);
    ApiKey key = key(null, 1, null);
    submit(key, jobs(1));
    submit(key, new QuotaCharge("study", 0, 0, false)); // counts the first into the totals
    ChargeHistory.hoursPass(jdbc, key, 24);
    assertThatThrownBy(() -> submit(key, jobs(1))).isInstanceOf(QuotaExceededException.class);
  }

  @Test
  void aRequestThatOutlivedItsPlaceIsCheckedAgainAsItIsStored() {
    ApiKey key = key(null, 2, null);
    QuotaReservation slow = quotas.reserve(key, UUID.randomUUID(), jobs(1));
    // the slow request is still reading its upload when its place expires ...
    jdbc.update(
        "UPDATE access.quota_reservation SET expires_at = now() - interval '1 second'"
            + " WHERE id = ?",
        slow.id());
    // ... so another request of the key takes what is left
    submit(key, jobs(2));
    assertThatThrownBy(() -> transactions.execute(status -> storeAndCharge(slow, List.of())))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.quota()).isEqualTo("maxJobsPerDay");
              assertThat(e.used()).isEqualTo(2L);
            });
    quotas.release(slow);
    assertThat(charged(key)).isEqualTo(2);
    assertThat(reservations(key)).isZero();
  }

  @Test
  void aRequestThatOutlivedItsPlaceIsStoredWhenItStillFits() {
    ApiKey key = key(1, 2, null);
    UUID study = UUID.randomUUID();
    QuotaReservation slow = quotas.reserve(key, study, new QuotaCharge("study", 1, 0, true));
    jdbc.update(
        "UPDATE access.quota_reservation SET expires_at = now() - interval '1 second'"
            + " WHERE id = ?",
        slow.id());
    // stored with its own study and queued job: the study is not counted among the key's others
    transactions.execute(
        status -> {
          new StudyOwners(jdbc).record(study, key, java.time.Instant.now());
          return storeAndCharge(slow, List.of(new NewJob(study, "train", "j", "{}", 3)));
        });
    quotas.release(slow);
    assertThat(charged(key)).isEqualTo(1);
  }

  @Test
  void aFailedSubmissionGivesItsPlaceBack() {
    ApiKey key = key(null, 1, null);
    assertThatThrownBy(
            () ->
                quotas.reserved(
                    key,
                    UUID.randomUUID(),
                    jobs(1),
                    reservation ->
                        transactions.execute(
                            status -> {
                              quotas.charge(reservation);
                              throw new IllegalStateException("storing failed");
                            })))
        .hasMessage("storing failed");
    assertThat(reservations(key)).isZero();
    assertThat(charged(key)).isZero();
    submit(key, jobs(1));
  }

  @Test
  void aCrashedSubmissionHoldsItsPlaceUntilItsReservationExpires() {
    ApiKey key = key(null, 1, null);
    quotas.reserve(key, UUID.randomUUID(), jobs(1)); // never stored nor released
    assertThatThrownBy(() -> submit(key, jobs(1))).isInstanceOf(QuotaExceededException.class);
    jdbc.update(
        "UPDATE access.quota_reservation SET expires_at = now() - interval '1 second'"
            + " WHERE key_id = ?",
        key.id());
    submit(key, jobs(1));
    assertThat(reservations(key)).isZero();
  }

  @Test
  void studiesAndImportsAreActiveWhileAJobIsQueuedOrRunning() throws Exception {
    ApiKey key = key(1, null, null);
    UUID first = UUID.randomUUID();
    QuotaCharge study = new QuotaCharge("import", 1, 1e9, true);
    QuotaReservation held = quotas.reserve(key, first, study);
    // a reservation holds the place while its study is being stored
    assertThatThrownBy(() -> quotas.reserve(key, UUID.randomUUID(), study))
        .isInstanceOfSatisfying(
            QuotaExceededException.class, e -> assertThat(e.quota()).isEqualTo("maxActiveStudies"));
    transactions.execute(
        status -> {
          new StudyOwners(jdbc).record(first, key, java.time.Instant.now());
          return storeAndCharge(
              held, List.of(new NewJob(first, "analyze", "scale-correlation", "{}", 3)));
        });
    quotas.release(held);
    // then its queued job does
    assertThatThrownBy(() -> quotas.reserve(key, UUID.randomUUID(), study))
        .isInstanceOf(QuotaExceededException.class);
    // requests that add jobs to a study do not count as studies
    submit(key, new QuotaCharge("rerun", 1, 1e9, false));
    try (java.sql.Connection c = dataSource.getConnection()) {
      queue.cancel(c, first);
    }
    quotas.release(quotas.reserve(key, UUID.randomUUID(), study));
  }

  private static long charged(ApiKey key) {
    return ChargeHistory.usage(jdbc, key).jobs();
  }

  private static long reservations(ApiKey key) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM access.quota_reservation WHERE key_id = ?", Long.class, key.id());
  }
}
