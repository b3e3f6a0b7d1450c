package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueTimingsTest {

  private static final Duration HIKARI_DEFAULT = Duration.ofSeconds(30);

  @Test
  void theServicesDefaultsAreAccepted() {
    QueueTimings worker =
        QueueTimings.validated(
            "s2l.worker", Duration.ofSeconds(60), Duration.ofHours(12), HIKARI_DEFAULT);
    assertThat(worker).isEqualTo(new QueueTimings(Duration.ofSeconds(60), Duration.ofHours(12)));
    assertThat(worker.heartbeatPeriod()).isEqualTo(Duration.ofSeconds(20));
    assertThat(
            QueueTimings.validated(
                "s2l.analysis", Duration.ofSeconds(60), Duration.ofHours(2), HIKARI_DEFAULT))
        .isNotNull();
  }

  @Test
  void aLeaseOneSlowConnectionCouldOutlastIsRefusedNamingTheProperty() {
    // a third of 20 s plus 30 s waiting for a connection: the heartbeat comes after the lease ran
    // out
    assertThatThrownBy(
            () ->
                QueueTimings.validated(
                    "s2l.worker", Duration.ofSeconds(20), Duration.ofHours(12), HIKARI_DEFAULT))
        .isInstanceOf(InvalidQueueTimingsException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("s2l.worker.lease (PT20S) must be longer than")
        .hasMessageContaining("connection timeout (PT30S)")
        .satisfies(
            e ->
                assertThat(((InvalidQueueTimingsException) e).property())
                    .isEqualTo("s2l.worker.lease"));
  }

  @Test
  void theLeaseMustBeStrictlyLongerThanAHeartbeatPlusTheConnectionTimeout() {
    // 45 s = 15 s + 30 s: refused; 46 s > 15.33 s + 30 s: accepted
    assertThatThrownBy(
            () ->
                QueueTimings.validated(
                    "s2l.worker", Duration.ofSeconds(45), Duration.ofHours(1), HIKARI_DEFAULT))
        .hasMessageStartingWith("s2l.worker.lease");
    assertThat(
            QueueTimings.validated(
                "s2l.worker", Duration.ofSeconds(46), Duration.ofHours(1), HIKARI_DEFAULT))
        .isNotNull();
  }

  @Test
  void anUnknownConnectionTimeoutIsNotCounted() {
    QueueTimings timings =
        QueueTimings.validated(
            "s2l.worker", Duration.ofMillis(300), Duration.ofMillis(600), Duration.ZERO);
    assertThat(timings.heartbeatPeriod()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aJobTimeoutNotLongerThanTheLeaseIsRefusedNamingTheProperty() {
    for (Duration timeout : new Duration[] {Duration.ofSeconds(30), Duration.ofSeconds(60)}) {
      assertThatThrownBy(
              () ->
                  QueueTimings.validated(
                      "s2l.analysis", Duration.ofSeconds(60), timeout, HIKARI_DEFAULT))
          .isInstanceOf(InvalidQueueTimingsException.class)
          .hasMessageStartingWith("s2l.analysis.job-timeout (" + timeout + ") must be longer")
          .hasMessageContaining("s2l.analysis.lease (PT1M)");
    }
  }

  @Test
  void aMissingOrNonPositiveDurationIsRefusedNamingTheProperty() {
    assertThatThrownBy(
            () -> QueueTimings.validated("s2l.worker", null, Duration.ofHours(1), Duration.ZERO))
        .hasMessage("s2l.worker.lease must be a positive duration, was null");
    assertThatThrownBy(
            () ->
                QueueTimings.validated(
                    "s2l.worker", Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO))
        .hasMessage("s2l.worker.job-timeout must be a positive duration, was PT0S");
    assertThatThrownBy(
            () ->
                QueueTimings.validated(
                    "s2l.worker", Duration.ofSeconds(-1), Duration.ofHours(1), Duration.ZERO))
        .hasMessageStartingWith("s2l.worker.lease must be a positive duration");
  }

  @Test
  void runnersBuiltWithALeaseOnlyGetTheDefaultTimeout() {
    assertThat(QueueTimings.withDefaultTimeout(Duration.ofSeconds(30)).jobTimeout())
        .isEqualTo(QueueTimings.DEFAULT_JOB_TIMEOUT);
  }
}
