package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Workers claiming from one queue at once, for tests of the claim's exclusion. */
final class Claimers {

  private Claimers() {}

  /**
   * Runs {@code claimers} threads that claim until the queue has nothing left for them, failing
   * when two get the same job. Returns the ids claimed.
   */
  static Set<Long> claimAll(JobQueue queue, List<String> kinds, int claimers, Duration lease)
      throws Exception {
    Set<Long> claimed = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    List<Future<Integer>> results = new ArrayList<>();
    for (int w = 0; w < claimers; w++) {
      String owner = "worker-" + w;
      results.add(
          pool.submit(
              () -> {
                int n = 0;
                Optional<ClaimedJob> job;
                while ((job = queue.claim(kinds, owner, lease)).isPresent()) {
                  assertThat(claimed.add(job.get().id())).as("claimed twice").isTrue();
                  n++;
                }
                return n;
              }));
    }
    int total = 0;
    for (Future<Integer> f : results) {
      total += f.get();
    }
    pool.shutdown();
    assertThat(claimed).hasSize(total);
    return claimed;
  }
}
