package io.s2l.stats;

import java.util.concurrent.CancellationException;

/**
 * How a long computation stops early: it checks, between steps of bounded cost, whether the thread
 * it runs for has been interrupted (a queue job past its time limit is, say), and gives up with a
 * {@link CancellationException}. The interrupt stays set, so that the caller sees it too. A step
 * never runs for long, so an interrupted computation ends within one step of it.
 */
public final class Interruption {

  private Interruption() {}

  /**
   * @throws CancellationException when the current thread has been interrupted
   */
  public static void check() {
    check(Thread.currentThread());
  }

  /**
   * For the steps of a parallel stream, which run on other threads: checks the thread that started
   * it.
   *
   * @throws CancellationException when {@code caller} has been interrupted
   */
  public static void check(Thread caller) {
    if (caller.isInterrupted()) {
      throw new CancellationException("interrupted: " + caller.getName() + " was asked to stop");
    }
  }
}
