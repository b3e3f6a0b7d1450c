package io.s2l.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenBlasTest {

  @Test
  void threadCountCanBeSetAndRestored() {
    int before = OpenBlas.threads();
    try {
      OpenBlas.setThreads(1);
      assertThat(OpenBlas.threads()).isEqualTo(1);
    } finally {
      OpenBlas.setThreads(before);
    }
    assertThat(OpenBlas.threads()).isEqualTo(before);
    assertThat(OpenBlas.describe()).startsWith("OpenBLAS 0.3.31");
    assertThatThrownBy(() -> OpenBlas.setThreads(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
