package io.s2l.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

  static final String SECRET = "s2lcb_test-secret-0123456789abcdefghijklmnop";
  static final String TIMESTAMP = "1733370000";
  static final String BODY = "{\"id\":\"e1\",\"status\":\"TRAINING\"}";

  // python3 -c "import hmac,hashlib; print(hmac.new(
  //   b's2lcb_test-secret-0123456789abcdefghijklmnop',
  //   b'1733370000.{\"id\":\"e1\",\"status\":\"TRAINING\"}', hashlib.sha256).hexdigest())"
  static final String VECTOR = "211bcacfdeb77b8f693057327e853fb9a07334f7a320fd7cbf3092bbef279b61";

  // the same with the body '{"name":"été"}' encoded as UTF-8 (Python 3.12)
  static final String UTF8_VECTOR =
      "45c85832c80b4ff9742e417121a76beb56a37acafb73b3e8ea4a2b40ad2773d5";

  static final Clock AT_SIGNING =
      Clock.fixed(Instant.ofEpochSecond(1733370000 + 60), ZoneOffset.UTC);
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void theSignatureComputedByPythonsHmacVerifies() {
    assertThat(
            CallbackSignature.verify(
                SECRET, TIMESTAMP, BODY, "v1=" + VECTOR, FIVE_MINUTES, AT_SIGNING))
        .isTrue();
    assertThat(
            CallbackSignature.verify(
                SECRET,
                TIMESTAMP,
                "{\"name\":\"été\"}",
                "v1=" + UTF8_VECTOR,
                FIVE_MINUTES,
                AT_SIGNING))
        .isTrue();
  }

  @Test
  void aTamperedBodyAnotherSecretOrAnotherTimestampFails() {
    String header = "v1=" + VECTOR;
    assertThat(
            CallbackSignature.verify(
                SECRET,
                TIMESTAMP,
                BODY.replace("TRAINING", "COMPLETED"),
                header,
                FIVE_MINUTES,
                AT_SIGNING))
        .isFalse();
    assertThat(
            CallbackSignature.verify(
                SECRET + "x", TIMESTAMP, BODY, header, FIVE_MINUTES, AT_SIGNING))
        .isFalse();
    assertThat(
            CallbackSignature.verify(SECRET, "1733370001", BODY, header, FIVE_MINUTES, AT_SIGNING))
        .isFalse();
  }

  @Test
  void anOldOrFutureTimestampFailsEvenWithTheRightSignature() {
    Clock muchLater = Clock.fixed(Instant.ofEpochSecond(1733370000 + 301), ZoneOffset.UTC);
    Clock muchEarlier = Clock.fixed(Instant.ofEpochSecond(1733370000 - 301), ZoneOffset.UTC);
    String header = "v1=" + VECTOR;
    assertThat(CallbackSignature.verify(SECRET, TIMESTAMP, BODY, header, FIVE_MINUTES, muchLater))
        .isFalse();
    assertThat(CallbackSignature.verify(SECRET, TIMESTAMP, BODY, header, FIVE_MINUTES, muchEarlier))
        .isFalse();
  }

  @Test
  void aTimestampNoClockCanReachIsRefusedNotThrown() {
    String header = "v1=" + VECTOR;
    assertThat(
            CallbackSignature.verify(
                SECRET, "" + Long.MAX_VALUE, BODY, header, FIVE_MINUTES, AT_SIGNING))
        .isFalse();
    assertThat(
            CallbackSignature.verify(
                SECRET, "" + Long.MIN_VALUE, BODY, header, FIVE_MINUTES, AT_SIGNING))
        .isFalse();
  }

  @Test
  void oneMatchingSignatureAmongSeveralIsEnoughAndMalformedHeadersFail() {
    assertThat(
            CallbackSignature.verify(
                SECRET,
                TIMESTAMP,
                BODY,
                "v1=" + "00".repeat(32) + ", v1=" + VECTOR,
                FIVE_MINUTES,
                AT_SIGNING))
        .isTrue();
    for (String header : new String[] {VECTOR, "v0=" + VECTOR, "v1=zz", "v1=", ""}) {
      assertThat(
              CallbackSignature.verify(SECRET, TIMESTAMP, BODY, header, FIVE_MINUTES, AT_SIGNING))
          .as(header)
          .isFalse();
    }
    assertThat(
            CallbackSignature.verify(
                SECRET, "not-a-number", BODY, "v1=" + VECTOR, FIVE_MINUTES, AT_SIGNING))
        .isFalse();
  }
}
