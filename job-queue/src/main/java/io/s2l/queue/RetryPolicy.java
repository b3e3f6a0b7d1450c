package io.s2l.queue;

import java.time.Duration;

/**
 * Exponential backoff between attempts: {@code base * 2^(attempt-1)}, capped.
 *
 * @param base delay after the first failed attempt
 * @param cap the longest delay
 */
public record RetryPolicy(Duration base, Duration cap) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5));

  /** Delay before the next attempt after {@code attempt} (1-based) failed. */
  public Duration delayAfter(int attempt) {
    long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
    Duration delay = base.multipliedBy(factor);
    return delay.compareTo(cap) > 0 ? cap : delay;
  }
}
