package io.s2l.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watch over a real process: a {@code sleep} started here and killed with SIGKILL. */
class ParentWatchTest {

  private static final Duration PERIOD = Duration.ofMillis(100);

  @Test
  void theActionRunsOnceWhenTheWatchedProcessIsKilledAndNotBefore() throws Exception {
    Process parent = new ProcessBuilder("sleep", "60").start();
    CountDownLatch ran = new CountDownLatch(1);
    try (ParentWatch watch = ParentWatch.start(parent.pid(), PERIOD, ran::countDown)) {
      assertThat(ran.await(500, TimeUnit.MILLISECONDS)).as("the parent still runs").isFalse();
      parent.destroyForcibly().waitFor();
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(watch.fired()).isTrue();
    } finally {
      parent.destroyForcibly();
    }
  }

  @Test
  void aParentAlreadyGoneFiresAtOnce() throws Exception {
    Process parent = new ProcessBuilder("true").start();
    long pid = parent.pid();
    parent.waitFor();
    CountDownLatch ran = new CountDownLatch(1);
    try (ParentWatch watch = ParentWatch.start(pid, PERIOD, ran::countDown)) {
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
