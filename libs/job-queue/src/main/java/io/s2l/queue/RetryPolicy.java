package io.s2l.queue;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Exponential backoff with jitter between attempts. The ceiling after attempt {@code a} (1-based)
 * is {@code base * 2^(a-1)}, capped at {@code cap}; the delay is drawn between half the ceiling and
 * the ceiling ("equal jitter"), so jobs that failed together (a database outage, a bad node) do not
 * come back together. The draw is seeded by the job id and the attempt: the same failure always
 * gets the same delay, and tests need no random state.
 *
 * @param base ceiling of the delay after the first failed attempt
 * @param cap the longest delay
 */
public record RetryPolicy(Duration base, Duration cap) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5));

  /** The ceiling of the delay after {@code attempt} (1-based) failed. */
  public Duration ceilingAfter(int attempt) {
    long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
    Duration delay = base.multipliedBy(factor);
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  /** Delay before job {@code jobId}'s next attempt after {@code attempt} failed. */
  public Duration delayAfter(long jobId, int attempt) {
    long ceiling = ceilingAfter(attempt).toMillis();
    double u = new SplittableRandom(jobId * 0x9E3779B97F4A7C15L + attempt).nextDouble();
    return Duration.ofMillis(ceiling / 2 + Math.round(u * (ceiling - ceiling / 2)));
  }
}
