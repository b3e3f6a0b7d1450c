package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5));

  @Test
  void theCeilingDoublesPerAttemptUpToTheCap() {
    assertThat(policy.ceilingAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.ceilingAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.ceilingAfter(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(policy.ceilingAfter(9)).isEqualTo(Duration.ofMinutes(5)); // 512 s, capped
    assertThat(policy.ceilingAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void delaysLieBetweenHalfTheCeilingAndTheCeilingAndAreReproducible() {
    for (long job = 1; job <= 2_000; job++) {
      for (int attempt = 1; attempt <= 12; attempt++) {
        Duration delay = policy.delayAfter(job, attempt);
        Duration ceiling = policy.ceilingAfter(attempt);
        assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
        assertThat(policy.delayAfter(job, attempt)).isEqualTo(delay);
      }
    }
  }

  @Test
  void jobsThatFailedTogetherComeBackSpreadOut() {
    // 1,000 jobs failing their third attempt at once (ceiling 8 s): their retries spread over the
    // upper half of the window instead of all landing at the same instant
    Set<Duration> distinct = new HashSet<>();
    long early = 0;
    for (long job = 1; job <= 1_000; job++) {
      Duration delay = policy.delayAfter(job, 3);
      distinct.add(delay);
      early += delay.compareTo(Duration.ofSeconds(6)) < 0 ? 1 : 0;
    }
    assertThat(distinct).hasSizeGreaterThan(800);
    assertThat(early).isBetween(400L, 600L); // uniform over [4 s, 8 s]: about half below 6 s
  }
}
