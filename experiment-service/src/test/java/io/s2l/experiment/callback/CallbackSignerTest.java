package io.s2l.experiment.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackSignerTest {

  // python3 -c "import hmac,hashlib; print(hmac.new(
  //   b's2lcb_test-secret-0123456789abcdefghijklmnop',
  //   b'1733370000.{\"id\":\"e1\",\"status\":\"TRAINING\"}', hashlib.sha256).hexdigest())"
  @Test
  void theSignatureIsTheHexHmacSha256OfTimestampDotBodyAsPythonComputesIt() {
    assertThat(
            CallbackSigner.signature(
                "s2lcb_test-secret-0123456789abcdefghijklmnop",
                1733370000L,
                "{\"id\":\"e1\",\"status\":\"TRAINING\"}"))
        .isEqualTo("v1=211bcacfdeb77b8f693057327e853fb9a07334f7a320fd7cbf3092bbef279b61");
  }
}
