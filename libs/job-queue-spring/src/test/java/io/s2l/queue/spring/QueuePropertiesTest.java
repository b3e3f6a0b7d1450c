package io.s2l.queue.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many jobs a process runs at once, against its processors and its connection pool. */
class QueuePropertiesTest {

  @Test
  void zeroConcurrencyIsHalfTheProcessorsAtMostWhatThePoolServes() {
    QueueProperties auto = concurrency(0);
    // N jobs hold up to 2N connections, one is left for requests: a pool of 8 serves 3 jobs
    assertThat(auto.workers(2, 8)).isEqualTo(1);
    assertThat(auto.workers(6, 8)).isEqualTo(3);
    assertThat(auto.workers(16, 8)).isEqualTo(3);
    assertThat(auto.workers(16, 17)).isEqualTo(8);
    assertThat(auto.workers(16, 16)).isEqualTo(7);
    assertThat(auto.workers(16, 3)).isEqualTo(1);
  }

  @Test
  void anUnknownPoolIsNotCounted() {
    assertThat(concurrency(0).workers(1, 0)).isEqualTo(1);
    assertThat(concurrency(0).workers(16, 0)).isEqualTo(8);
    assertThat(concurrency(12).workers(2, 0)).isEqualTo(12);
  }

  @Test
  void aConcurrencyThePoolServesIsKept() {
    assertThat(concurrency(3).workers(2, 7)).isEqualTo(3);
    assertThat(concurrency(1).workers(64, 3)).isEqualTo(1);
  }

  @Test
  void refusesAConcurrencyThatNeedsMoreConnectionsThanThePoolHas() {
    assertThatThrownBy(() -> concurrency(4).workers(2, 8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "s2l.queue.concurrency (4) needs 9 database connections (2 per job, its thread's and"
                + " its heartbeat's, and 1 for requests), more than"
                + " spring.datasource.hikari.maximum-pool-size (8): raise the pool to 9 or run at"
                + " most 3 jobs at once");
  }

  @Test
  void refusesAPoolTooSmallForOneJob() {
    assertThatThrownBy(() -> concurrency(0).workers(2, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "spring.datasource.hikari.maximum-pool-size (2) cannot serve one job")
        .hasMessageEndingWith("it must be at least 3");
  }

  @Test
  void refusesANegativeConcurrency() {
    assertThatThrownBy(() -> concurrency(-1).workers(2, 8))
        .hasMessage("s2l.queue.concurrency must be 0 (half the processors) or more, was -1");
  }

  private static QueueProperties concurrency(int concurrency) {
    Duration second = Duration.ofSeconds(1);
    return new QueueProperties(
        second,
        second.multipliedBy(2),
        second,
        second,
        "analysis",
        List.of(),
        Map.of(),
        concurrency);
  }
}
