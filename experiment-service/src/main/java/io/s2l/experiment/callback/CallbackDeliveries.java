package io.s2l.experiment.callback;

import io.s2l.api.callback.Delivery;
import io.s2l.study.CallbackEventJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The deliveries of study events: what is to be sent where, and how each attempt went. */
@Repository
public class CallbackDeliveries {

  private static final String COLUMNS =
      "d.id, d.event_id, e.status, d.url, d.attempts, d.max_attempts, d.last_status_code,"
          + " d.last_error, d.next_retry_at, d.delivered_at, d.failed_at, e.occurred_at";
  private static final String FROM =
      " FROM experiment.callback_delivery d JOIN experiment.callback_event e ON e.id = d.event_id";

  /** What an attempt needs: the delivery, the signed body and the key that signs it. */
  record Pending(Delivery delivery, String body, long keyId) {}

  private final JdbcTemplate jdbc;

  CallbackDeliveries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Pending> find(long id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + ", e.body, e.key_id" + FROM + " WHERE d.id = ?",
            (rs, row) -> new Pending(read(rs, row), rs.getString("body"), rs.getLong("key_id")),
            id)
        .stream()
        .findFirst();
  }

  /**
   * The delivery of an event queued with its job (an import's), recorded with its event on the
   * job's first attempt and found again on later ones.
   */
  long adopt(CallbackEventJob job, int maxAttempts) {
    // Anyone who may queue jobs could queue this one; only the key that owns the study may have
    // its events signed, so a job naming another key (or no recorded study) is refused for good.
    List<Long> owner =
        jdbc.queryForList(
            "SELECT key_id FROM access.study_owner WHERE study_id = ?", Long.class, job.studyId());
    if (owner.isEmpty() || owner.get(0) != job.keyId()) {
      throw new ForgedCallbackException(
          "callback job for " + job.studyId() + " names a key that does not own it");
    }
    jdbc.update(
        "INSERT INTO experiment.callback_event (id, study_id, key_id, status, body, occurred_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        job.event(),
        job.studyId(),
        job.keyId(),
        job.status(),
        job.body(),
        Timestamp.from(job.occurredAt()));
    jdbc.update(
        "INSERT INTO experiment.callback_delivery (event_id, study_id, url, max_attempts,"
            + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id, url) DO NOTHING",
        job.event(),
        job.studyId(),
        job.url(),
        maxAttempts,
        Timestamp.from(job.occurredAt()));
    Long id =
        jdbc.queryForObject(
            "SELECT id FROM experiment.callback_delivery WHERE event_id = ? AND url = ?",
            Long.class,
            job.event(),
            job.url());
    return id;
  }

  /** A study's deliveries in the order they were made, a page at a time. */
  public List<Delivery> page(UUID studyId, int limit, long offset) {
    return jdbc.query(
        "SELECT " + COLUMNS + FROM + " WHERE d.study_id = ? ORDER BY d.id LIMIT ? OFFSET ?",
        CallbackDeliveries::read,
        studyId,
        limit,
        offset);
  }

  public long count(UUID studyId) {
    Long n =
        jdbc.queryForObject(
            "SELECT count(*) FROM experiment.callback_delivery WHERE study_id = ?",
            Long.class,
            studyId);
    return n == null ? 0 : n;
  }

  /** Whether the study exists (an admin asking about an unknown one gets 404). */
  public boolean studyExists(UUID studyId) {
    return !jdbc.queryForList("SELECT 1 FROM experiment.study WHERE id = ?", Integer.class, studyId)
        .isEmpty();
  }

  /** Records a 2xx answer; on the transaction's connection when called inside one. */
  void delivered(long id, int attempt, int statusCode, Instant at) {
    jdbc.update(
        "UPDATE experiment.callback_delivery SET attempts = ?, last_status_code = ?,"
            + " last_error = NULL, next_retry_at = NULL, delivered_at = ? WHERE id = ?",
        attempt,
        statusCode,
        Timestamp.from(at),
        id);
  }

  /**
   * Records a failed attempt: its status code (null when no answer came) and error, and when the
   * next attempt is due, or, when there is none, that it is dead-lettered at {@code at}.
   */
  void failed(
      long id, int attempt, Integer statusCode, String error, Instant nextRetry, Instant at) {
    jdbc.update(
        "UPDATE experiment.callback_delivery SET attempts = ?, last_status_code = ?,"
            + " last_error = ?, next_retry_at = ?, failed_at = ? WHERE id = ?",
        attempt,
        statusCode,
        error.length() > 1000 ? error.substring(0, 1000) : error,
        nextRetry == null ? null : Timestamp.from(nextRetry),
        nextRetry == null ? Timestamp.from(at) : null,
        id);
  }

  private static Delivery read(ResultSet rs, int row) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        rs.getObject("event_id", UUID.class),
        rs.getString("status"),
        rs.getString("url"),
        rs.getInt("attempts"),
        rs.getInt("max_attempts"),
        (Integer) rs.getObject("last_status_code"),
        rs.getString("last_error"),
        instant(rs.getTimestamp("next_retry_at")),
        instant(rs.getTimestamp("delivered_at")),
        instant(rs.getTimestamp("failed_at")),
        instant(rs.getTimestamp("occurred_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
