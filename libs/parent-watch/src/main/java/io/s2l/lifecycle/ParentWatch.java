package io.s2l.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action once when a given process (the parent that started this one) has exited. The
 * parent is named by its pid and start time, so a pid the system reused for another process counts
 * as the parent gone. Checked every {@code period} on one daemon thread; no signal or native call
 * is needed, so it works however the parent ended.
 */
public final class ParentWatch implements AutoCloseable {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "s2l-parent-watch");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean fired = new AtomicBoolean();

  private ParentWatch() {}

  /**
   * Watches process {@code pid}; {@code onExit} runs once, on the watch's thread, within about one
   * period of its exit (at once if it is already gone).
   */
  public static ParentWatch start(long pid, Duration period, Runnable onExit) {
    ParentWatch watch = new ParentWatch();
    Optional<ProcessHandle> parent = ProcessHandle.of(pid);
    Optional<Instant> started = parent.flatMap(p -> p.info().startInstant());
    Runnable check =
        () -> {
          boolean alive =
              parent.isPresent()
                  && parent.get().isAlive()
                  && ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).equals(started);
          if (!alive && watch.fired.compareAndSet(false, true)) {
            watch.timer.shutdown();
            onExit.run();
          }
        };
    watch.timer.scheduleWithFixedDelay(check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  /** Whether the action has run. */
  public boolean fired() {
    return fired.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
