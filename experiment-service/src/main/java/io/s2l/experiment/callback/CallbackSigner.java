package io.s2l.experiment.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery as receivers verify it: {@code S2L-Signature: v1=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">}, keyed with the UTF-8 bytes of the key's callback secret; the timestamp,
 * in Unix seconds, is sent as {@code S2L-Timestamp}.
 */
final class CallbackSigner {

  private CallbackSigner() {}

  static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
