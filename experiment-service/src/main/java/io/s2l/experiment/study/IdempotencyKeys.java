package io.s2l.experiment.study;

import io.s2l.access.web.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Key of study submissions: a key remembers the hash of the definition it came with and
 * the study it created, in the transaction that created it, for {@code
 * s2l.experiment.idempotency-ttl} (24 h by default); after that it is forgotten, and the same key
 * submits a new study. Requests with the same key run one after another ({@link #lock}), so a
 * concurrent duplicate waits for the first to commit and replays its answer.
 */
@Component
class IdempotencyKeys {

  static final int MAX_LENGTH = 200;

  /** First half of the advisory-lock keys of idempotency keys (the second is the key's hash). */
  private static final int LOCK_SPACE = 0x5324_0002;

  private final JdbcTemplate jdbc;
  private final Duration ttl;

  IdempotencyKeys(JdbcTemplate jdbc, @Value("${s2l.experiment.idempotency-ttl:24h}") Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("s2l.experiment.idempotency-ttl must be positive");
    }
    this.jdbc = jdbc;
    this.ttl = ttl;
  }

  /**
   * Makes the other requests with this key wait until the caller's transaction ends. Taken before
   * {@link #existing}, it turns a concurrent duplicate into a replay of the first request's answer
   * instead of a failed insert. Only requests with the same key (or, rarely, a key whose 32-bit
   * hash collides with it) wait for each other.
   */
  void lock(String key) {
    jdbc.queryForList("SELECT pg_advisory_xact_lock(?, hashtext(?))", LOCK_SPACE, key);
  }

  /**
   * The study a key already created with this body; empty for a new key or one older than the time
   * to live, which is forgotten here.
   *
   * @throws StudyConflictException (422) when the key came with another body
   */
  Optional<UUID> existing(String key, String bodyHash, Instant now) {
    jdbc.update(
        "DELETE FROM experiment.idempotency_key WHERE key = ? AND created_at < ?",
        key,
        Timestamp.from(now.minus(ttl)));
    List<String[]> rows =
        jdbc.query(
            "SELECT request_sha256, study_id::text FROM experiment.idempotency_key WHERE key = ?",
            (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
            key);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    if (!rows.get(0)[0].equals(bodyHash)) {
      throw new StudyConflictException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Idempotency-Key reused",
          "this Idempotency-Key was used with another study definition");
    }
    return Optional.of(UUID.fromString(rows.get(0)[1]));
  }

  /** Remembers a new key, in the transaction that created its study, under {@link #lock}. */
  void remember(String key, String bodyHash, UUID study, Instant now) {
    jdbc.update(
        "INSERT INTO experiment.idempotency_key (key, request_sha256, study_id, created_at)"
            + " VALUES (?, ?, ?, ?)",
        key,
        bodyHash,
        study,
        Timestamp.from(now));
  }

  /**
   * The stored form of a client's key: scoped to the API key that sent it, so two callers' keys
   * never meet and no one can replay another's study.
   */
  static String scoped(long apiKeyId, String key) {
    check(key);
    return apiKeyId + "/" + key;
  }

  static String sha256(String canonicalJson) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void check(String key) {
    if (key.isBlank() || key.length() > MAX_LENGTH) {
      throw new BadInputException("Idempotency-Key: must be 1 to " + MAX_LENGTH + " characters");
    }
  }
}
