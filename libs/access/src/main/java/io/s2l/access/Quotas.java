package io.s2l.access;

import io.s2l.queue.JobLookup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-key quotas guarding every request that queues jobs, checked without queueing one key's
 * requests behind each other while they are stored.
 *
 * <p>A request first holds a place: a short transaction of its own takes the key's advisory lock,
 * counts what the key holds (charges of the daily window, live reservations, active studies),
 * refuses when the request would take it past a quota, and otherwise commits a reservation that
 * expires after {@code s2l.access.quota-reservation-ttl}. Then the request's own transaction stores
 * its work and turns the reservation into a charge ({@link #charge}); committed together, the two
 * never count twice or not at all. A failed request deletes its reservation; a crashed one leaves
 * it to expire. Times are the database's clock, whichever service asks.
 */
public class Quotas {

  private static final Logger log = LoggerFactory.getLogger(Quotas.class);

  /** First half of the advisory-lock keys of quota checks (the second is the key's id). */
  private static final int LOCK_SPACE = 0x5324_0001;

  /**
   * How long a place must still be live when it is charged: what a request does between its charge
   * and its commit (a rename, the commit itself) takes far less.
   */
  static final Duration COMMIT_MARGIN = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Duration ttl;

  public Quotas(JdbcTemplate jdbc, TransactionTemplate transactions, Duration ttl) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.ttl = ttl;
  }

  /**
   * Runs {@code request} with a place held for {@code charge}: {@code request} opens its own
   * transaction and calls {@link #charge} in it. The place is given back however it ends.
   *
   * @throws QuotaExceededException before {@code request} runs, naming the quota
   */
  public <T> T reserved(
      ApiKey key, UUID studyId, QuotaCharge charge, Function<QuotaReservation, T> request) {
    QuotaReservation reservation = reserve(key, studyId, charge);
    try {
      return request.apply(reservation);
    } finally {
      release(reservation);
    }
  }

  /**
   * Runs {@code work} in a transaction that also charges {@code charge} to the key, with a place
   * held first (see {@link #reserved}).
   *
   * @throws QuotaExceededException before {@code work} runs, naming the quota
   */
  public <T> T charged(ApiKey key, UUID studyId, QuotaCharge charge, Supplier<T> work) {
    return reserved(key, studyId, charge, reservation -> chargedIn(reservation, work));
  }

  /**
   * Runs {@code work} in a transaction that also charges the place {@code reservation} holds: for a
   * request that does costly work (reading an upload) between holding its place and storing.
   */
  public <T> T chargedIn(QuotaReservation reservation, Supplier<T> work) {
    return transactions.execute(
        status -> {
          T result = work.get();
          charge(reservation);
          return result;
        });
  }

  /**
   * Holds a place in the key's quotas, in a committed transaction of its own: call it with no
   * transaction open, so a request never holds two pooled connections at once.
   */
  public QuotaReservation reserve(ApiKey key, UUID studyId, QuotaCharge charge) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "a quota reservation is made before the request's transaction");
    }
    if (!key.hasQuota()) {
      return new QuotaReservation(null, key, studyId, charge);
    }
    QuotaExceededException[] refusal = {null};
    Long id =
        transactions.execute(
            status -> {
              // the lock is held for three statements: this count and read of a few rows, the
              // insert and the commit
              jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE, (int) key.id());
              DailyUsage usage = DailyUsage.countAndRead(jdbc, key.id());
              try {
                checkActive(key, charge, usage, null);
                usage.check(key, charge);
              } catch (QuotaExceededException e) {
                refusal[0] = e; // thrown once the count is committed, refused requests included
                return null;
              }
              return jdbc.queryForObject(
                  "INSERT INTO access.quota_reservation"
                      + " (key_id, study_id, jobs, flops, creates_study, storage_bytes,"
                      + " expires_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?,"
                      + " clock_timestamp() + ? * interval '1 millisecond')"
                      + " RETURNING id",
                  Long.class,
                  key.id(),
                  studyId,
                  charge.jobs(),
                  charge.flops(),
                  charge.createsStudy(),
                  charge.storageBytes(),
                  ttl.toMillis());
            });
    if (refusal[0] != null) {
      throw refusal[0];
    }
    return new QuotaReservation(id, key, studyId, charge);
  }

  /**
   * Holds a place for a dataset upload in the key's storage budget, before its body is read (see
   * {@link #reserveUpload(ApiKey, UUID, QuotaCharge, long, long)}): no jobs, and a key without a
   * storage budget holds nothing.
   *
   * @param declared the request's Content-Length; negative when unknown
   * @throws QuotaExceededException naming {@code maxStorageBytes}
   */
  public QuotaReservation reserveUpload(ApiKey key, long declared, long ceiling) {
    if (key.maxStorageBytes() == null) {
      return new QuotaReservation(null, key, null, QuotaCharge.upload(Long.MAX_VALUE));
    }
    return reserveUpload(key, null, QuotaCharge.upload(0), declared, ceiling);
  }

  /**
   * Holds one place for a request that stores an upload, before its body is read: {@code charge}
   * (its jobs, FLOPs and whether it creates a study) and, in the key's storage budget, the {@code
   * declared} length when the request gives one (refused at once past the budget), otherwise what
   * is left of the budget, at most {@code ceiling} bytes. The upload reads at most the bytes held
   * ({@code reservation.charge().storageBytes()}, {@link Long#MAX_VALUE} for a key without a
   * storage budget, whose place holds no bytes) and is charged its jobs and FLOPs with the bytes it
   * stored through {@link #chargeUpload} or {@link QuotaReservation#storing}. Like {@link
   * #reserve}, it is made before the request's transaction.
   *
   * @param declared the request's Content-Length; negative when unknown
   * @throws QuotaExceededException naming the quota, {@code maxStorageBytes} for the bytes
   */
  public QuotaReservation reserveUpload(
      ApiKey key, UUID studyId, QuotaCharge charge, long declared, long ceiling) {
    if (key.maxStorageBytes() == null) {
      QuotaReservation place = reserve(key, studyId, charge.storing(0));
      return new QuotaReservation(place.id(), key, studyId, charge.storing(Long.MAX_VALUE));
    }
    if (declared >= 0) {
      return reserve(key, studyId, charge.storing(declared));
    }
    long held = Math.min(ceiling, Math.max(0, key.maxStorageBytes() - storageUsed(key)));
    // another request may have taken the rest meanwhile: then this one is refused under the lock
    return reserve(key, studyId, charge.storing(held));
  }

  /**
   * Charges an upload's jobs, FLOPs and stored {@code bytes} in its transaction, in place of the
   * bytes its place held.
   */
  public void chargeUpload(QuotaReservation reservation, long bytes) {
    charge(reservation.storing(bytes));
  }

  /**
   * The refusal of an upload of unknown length that read past the bytes its place held: what the
   * key held besides is the rest of its budget.
   */
  public static QuotaExceededException uploadExceeded(QuotaReservation reservation, long read) {
    ApiKey key = reservation.key();
    return DailyUsage.storageExceeded(
        key, read, key.maxStorageBytes() - reservation.charge().storageBytes());
  }

  /**
   * The bytes the key holds: its datasets, its imported tables and the estimated artifacts of its
   * studies.
   */
  public long storageUsed(ApiKey key) {
    return DailyUsage.read(jdbc, key.id()).storage();
  }

  /**
   * Charges the reserved jobs, FLOPs and bytes to the key, in the request's transaction: the
   * reservation becomes a charge when that transaction commits, and stays a reservation if it rolls
   * back. A request that outlived its place (past {@code s2l.access.quota-reservation-ttl}, when
   * other requests no longer counted it) is checked again here, under the key's lock held until its
   * transaction ends: only such a request makes the key's other requests wait for its commit.
   *
   * <p>A transaction charges one place: two places of one transaction checked again could wait on
   * each other's key locks held by other requests.
   *
   * @throws QuotaExceededException when a request that outlived its place no longer fits; its
   *     transaction then rolls back
   */
  public void charge(QuotaReservation reservation) {
    QuotaCharge charge = reservation.charge();
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a charge is made in the request's transaction");
    }
    if (charge.storageBytes() == Long.MAX_VALUE) {
      throw new IllegalStateException(
          "an upload's place is charged the bytes it stored (chargeUpload), not its read limit");
    }
    if (reservation.id() != null && !heldUntilNow(reservation)) {
      ApiKey key = reservation.key();
      log.warn(
          "the quota place of a {} request of key {}... (study {}) expires before it is stored;"
              + " checking its quotas again",
          charge.reason(),
          key.prefix(),
          reservation.studyId());
      jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE, (int) key.id());
      DailyUsage usage = DailyUsage.read(jdbc, key.id());
      checkActive(key, charge, usage, reservation.studyId());
      usage.check(key, charge);
    }
    jdbc.update(
        "INSERT INTO access.job_charge"
            + " (key_id, study_id, jobs, flops, storage_bytes, reason, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, clock_timestamp())",
        reservation.key().id(),
        reservation.studyId(),
        charge.jobs(),
        charge.flops(),
        charge.storageBytes(),
        charge.reason());
  }

  /**
   * Deletes the reservation and tells whether it is still live and stays so for {@link
   * #COMMIT_MARGIN}, by the database's clock as it is now ({@code clock_timestamp()}: the request's
   * transaction may have begun long ago). A place that would expire before the request commits is
   * checked again like an expired one.
   */
  private boolean heldUntilNow(QuotaReservation reservation) {
    List<Boolean> live =
        jdbc.queryForList(
            "DELETE FROM access.quota_reservation WHERE id = ?"
                + " RETURNING expires_at > clock_timestamp() + ? * interval '1 millisecond'",
            Boolean.class,
            reservation.id(),
            COMMIT_MARGIN.toMillis());
    return !live.isEmpty() && live.get(0);
  }

  /** Gives a place back; a no-op once the request's transaction has charged it. */
  public void release(QuotaReservation reservation) {
    if (reservation.id() == null) {
      return;
    }
    try {
      // and the key's expired reservations (of crashed requests), outside the key's lock
      jdbc.update(
          "DELETE FROM access.quota_reservation"
              + " WHERE id = ? OR (key_id = ? AND expires_at <= now())",
          reservation.id(),
          reservation.key().id());
    } catch (DataAccessException e) {
      log.warn(
          "cannot release the quota reservation of study {}; it expires within {}",
          reservation.studyId(),
          ttl,
          e);
    }
  }

  /**
   * Refuses a new study or import when the key already has {@code maxActiveStudies}: studies and
   * imports with a job queued or running, and live reservations that create one.
   *
   * @param stored the study being stored when a request is checked again in its own transaction,
   *     which is not one of the others; null for a check before it
   */
  private void checkActive(ApiKey key, QuotaCharge charge, DailyUsage usage, UUID stored) {
    Integer max = key.maxActiveStudies();
    if (max == null || !charge.createsStudy()) {
      return;
    }
    List<UUID> reserved = usage.reserving();
    if (usage.studies() + reserved.size() < max) {
      return; // even if every study of the key were active (the common case: far from the quota)
    }
    // a request that commits after the read above is in its reservations and also here: it is
    // left out of this list, so it counts once
    List<UUID> owned =
        new ArrayList<>(
            jdbc.queryForList(
                "SELECT study_id FROM access.study_owner WHERE key_id = ?", UUID.class, key.id()));
    owned.removeAll(new HashSet<>(reserved));
    owned.remove(stored); // a request checked again as it is stored is not one of the others
    Long running =
        jdbc.execute(
            (ConnectionCallback<Long>)
                c -> JobLookup.unfinishedStudies(c, owned, max - (long) reserved.size()));
    long active = reserved.size() + (running == null ? 0 : running);
    if (active >= max) {
      throw new QuotaExceededException(
          "maxActiveStudies",
          max,
          null,
          null,
          "key "
              + key.prefix()
              + "... already has "
              + active
              + " active studies and imports (with jobs queued or running); its quota"
              + " maxActiveStudies is "
              + max);
    }
  }
}
