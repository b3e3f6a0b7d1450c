package io.s2l.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key store. A secret is {@code s2l_} followed by 43 URL-safe base64 characters (256 random
 * bits); only its SHA-256 is stored, so a leaked table gives no usable key.
 */
public class ApiKeys {

  /** Shortest secret accepted for the bootstrap admin key. */
  public static final int MIN_SECRET_LENGTH = 32;

  private static final String PREFIX = "s2l_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS =
      "id, owner, name, role, prefix, max_active_studies, max_jobs_per_day, max_flops_per_day,"
          + " max_storage_bytes,"
          + " created_at, revoked_at";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ApiKeys(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A new random secret. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Stores a new key and returns it with its secret (shown once). */
  public IssuedKey create(NewApiKey request) {
    String secret = newSecret();
    return new IssuedKey(insert(request, secret), secret);
  }

  /**
   * Makes sure an admin key with this secret exists (the platform's first key, from configuration).
   * Does nothing when it is already there, even revoked.
   */
  public void ensureAdmin(String secret) {
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "s2l.access.admin-key: at least " + MIN_SECRET_LENGTH + " characters are required");
    }
    jdbc.update(
        "INSERT INTO access.api_key (owner, name, role, key_sha256, prefix, created_at)"
            + " VALUES ('admin', 'bootstrap admin key', 'ADMIN', ?, ?, ?)"
            + " ON CONFLICT (key_sha256) DO NOTHING",
        sha256(secret),
        prefix(secret),
        Timestamp.from(clock.instant()));
  }

  private ApiKey insert(NewApiKey request, String secret) {
    return jdbc.queryForObject(
        "INSERT INTO access.api_key (owner, name, role, key_sha256, prefix, max_active_studies,"
            + " max_jobs_per_day, max_flops_per_day, max_storage_bytes, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING "
            + COLUMNS,
        ApiKeys::read,
        request.owner(),
        request.name(),
        request.role().name(),
        sha256(secret),
        prefix(secret),
        request.maxActiveStudies(),
        request.maxJobsPerDay(),
        request.maxFlopsPerDay(),
        request.maxStorageBytes(),
        Timestamp.from(clock.instant()));
  }

  /** The live (not revoked) key with this secret. */
  public Optional<ApiKey> authenticate(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM access.api_key WHERE key_sha256 = ? AND revoked_at IS NULL",
            ApiKeys::read,
            sha256(secret))
        .stream()
        .findFirst();
  }

  public Optional<ApiKey> find(long id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM access.api_key WHERE id = ?", ApiKeys::read, id)
        .stream()
        .findFirst();
  }

  /** Keys, oldest first, a page at a time. */
  public List<ApiKey> list(int limit, long offset) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM access.api_key ORDER BY id LIMIT ? OFFSET ?",
        ApiKeys::read,
        limit,
        offset);
  }

  public long count() {
    Long n = jdbc.queryForObject("SELECT count(*) FROM access.api_key", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Revokes a key at once: its next request is refused. Returns false when there is no such key.
   */
  public boolean revoke(long id) {
    return jdbc.update(
            "UPDATE access.api_key SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?",
            Timestamp.from(clock.instant()),
            id)
        == 1;
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String prefix(String secret) {
    return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 6));
  }

  private static ApiKey read(ResultSet rs, int row) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new ApiKey(
        rs.getLong("id"),
        rs.getString("owner"),
        rs.getString("name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("prefix"),
        (Integer) rs.getObject("max_active_studies"),
        (Integer) rs.getObject("max_jobs_per_day"),
        (Double) rs.getObject("max_flops_per_day"),
        (Long) rs.getObject("max_storage_bytes"),
        rs.getTimestamp("created_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }
}
