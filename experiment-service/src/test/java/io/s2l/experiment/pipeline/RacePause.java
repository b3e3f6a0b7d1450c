package io.s2l.experiment.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A one-shot pause in the real code path: the first time the armed thread reaches it, it says so,
 * then waits until the other side of the race has finished or waits on a PostgreSQL lock (the
 * study's row lock, when both sides take it). So each round runs the interleaving it names: without
 * the lock the other side commits in the middle of this one; with it the other side queues behind.
 */
final class RacePause {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final JdbcTemplate jdbc;
  private volatile String armedThread;
  private volatile BooleanSupplier otherFinished;
  private volatile CountDownLatch reached = new CountDownLatch(1);

  RacePause(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next time the thread named {@code thread} reaches a pause point, it waits as described. */
  void arm(String thread, BooleanSupplier otherFinished) {
    this.reached = new CountDownLatch(1);
    this.otherFinished = otherFinished;
    this.armedThread = thread;
  }

  /** Waits until the armed thread has reached its pause point. */
  void awaitReached() throws InterruptedException {
    if (!reached.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the armed thread never reached its pause point");
    }
  }

  /** The pause point: does nothing unless the calling thread is armed. */
  void here() {
    if (!Thread.currentThread().getName().equals(armedThread)) {
      return;
    }
    armedThread = null;
    reached.countDown();
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (!otherFinished.getAsBoolean() && !someoneWaitsOnALock()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException("the other side of the race neither finished nor waited");
      }
      Thread.onSpinWait();
    }
  }

  private boolean someoneWaitsOnALock() {
    Integer waiting =
        jdbc.queryForObject(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'",
            Integer.class);
    return waiting != null && waiting > 0;
  }
}
