package io.s2l.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-key secrets that sign study callbacks. A secret is {@code s2lcb_} followed by 43 URL-safe
 * base64 characters (256 random bits). It is shown once, when issued, and kept as issued because
 * every delivery is signed with it; issuing a new one replaces the old at once.
 */
public class CallbackSecrets {

  private static final String PREFIX = "s2lcb_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;

  public CallbackSecrets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Issues a new secret for live key {@code keyId}, replacing any earlier one; empty when there is
   * no such live key.
   */
  public Optional<String> issue(long keyId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    int updated =
        jdbc.update(
            "UPDATE access.api_key SET callback_secret = ? WHERE id = ? AND revoked_at IS NULL",
            secret,
            keyId);
    return updated == 1 ? Optional.of(secret) : Optional.empty();
  }

  /**
   * Why callbacks submitted with key {@code keyId} are refused when it has no secret: empty when it
   * has one.
   */
  public Optional<String> missing(long keyId) {
    if (find(keyId).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "key "
            + keyId
            + " has no callback secret to sign them with: create one with POST /api/v1/keys/"
            + keyId
            + "/callback-secret");
  }

  /** The current secret of live key {@code keyId}; empty when it has none or was revoked. */
  public Optional<String> find(long keyId) {
    return jdbc
        .queryForList(
            "SELECT callback_secret FROM access.api_key WHERE id = ? AND revoked_at IS NULL"
                + " AND callback_secret IS NOT NULL",
            String.class,
            keyId)
        .stream()
        .findFirst();
  }
}
