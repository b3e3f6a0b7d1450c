package io.s2l.client.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a study callback as its receiver: the {@code S2L-Signature} header holds {@code v1=<hex
 * HMAC-SHA256 of "<S2L-Timestamp>.<body>">}, keyed with the UTF-8 bytes of the key's callback
 * secret, and the timestamp (Unix seconds) must be within {@code tolerance} of the receiver's
 * clock, so that a captured delivery cannot be replayed later. Verify the raw body as received,
 * before parsing it.
 */
public final class CallbackSignature {

  private CallbackSignature() {}

  /**
   * Whether {@code signatureHeader} signs {@code body} at {@code timestamp} with {@code secret},
   * and {@code timestamp} is no further than {@code tolerance} from {@code clock}'s now. The header
   * may carry several comma-separated signatures; one matching {@code v1} is enough.
   */
  public static boolean verify(
      String secret,
      String timestamp,
      byte[] body,
      String signatureHeader,
      Duration tolerance,
      Clock clock) {
    if (secret == null || timestamp == null || body == null || signatureHeader == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    Duration age;
    try {
      age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
    } catch (DateTimeException | ArithmeticException outOfRange) {
      return false; // a timestamp no clock can reach is refused, not thrown at the receiver
    }
    if (age.compareTo(tolerance) > 0) {
      return false;
    }
    byte[] expected = hmac(secret, seconds, body);
    for (String part : signatureHeader.split(",")) {
      String candidate = part.trim();
      if (candidate.startsWith("v1=")) {
        byte[] given;
        try {
          given = HexFormat.of().parseHex(candidate.substring(3));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@link #verify(String, String, byte[], String, Duration, Clock)} of a body read as UTF-8. */
  public static boolean verify(
      String secret,
      String timestamp,
      String body,
      String signatureHeader,
      Duration tolerance,
      Clock clock) {
    return body != null
        && verify(
            secret,
            timestamp,
            body.getBytes(StandardCharsets.UTF_8),
            signatureHeader,
            tolerance,
            clock);
  }

  private static byte[] hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
