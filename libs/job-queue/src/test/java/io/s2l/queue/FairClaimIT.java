package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims rotate between fairness groups, so one owner's many jobs do not delay another's few. */
class FairClaimIT {

  private static final List<String> TRAIN = List.of("train");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private HikariDataSource dataSource;
  private JobQueue queue;

  @BeforeEach
  void database() {
    dataSource = QueueDatabase.fresh();
    queue = new JobQueue(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void aSecondOwnersFewJobsAreClaimedAmongTheFirstClaimsDespiteTheFirstOwnersThousand()
      throws Exception {
    UUID big = UUID.randomUUID();
    UUID small = UUID.randomUUID();
    enqueue(big, "alice", 1_000, 0);
    enqueue(small, "bob", 3, 0);

    List<UUID> order = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      order.add(queue.claim(TRAIN, "w", LEASE).orElseThrow().studyId());
    }
    // the group with fewer running jobs goes first; on a tie, the older job
    assertThat(order).containsExactly(big, small, big, small, big, small);
  }

  @Test
  void finishedJobsFreeTheirGroupsShare() throws Exception {
    UUID big = UUID.randomUUID();
    UUID small = UUID.randomUUID();
    enqueue(big, "alice", 20, 0);
    ClaimedJob first = queue.claim(TRAIN, "w", LEASE).orElseThrow();
    ClaimedJob second = queue.claim(TRAIN, "w", LEASE).orElseThrow();
    enqueue(small, "bob", 3, 0);
    // alice runs two, bob none: bob's jobs come first until he runs as many
    assertThat(queue.claim(TRAIN, "w", LEASE).orElseThrow().studyId()).isEqualTo(small);
    assertThat(queue.claim(TRAIN, "w", LEASE).orElseThrow().studyId()).isEqualTo(small);
    try (Connection c = dataSource.getConnection()) {
      assertThat(queue.complete(c, first)).isTrue();
      assertThat(queue.complete(c, second)).isTrue();
    }
    // now alice runs none, bob two
    assertThat(queue.claim(TRAIN, "w", LEASE).orElseThrow().studyId()).isEqualTo(big);
  }

  @Test
  void withinAGroupHigherPriorityThenOlderJobsGoFirst() throws Exception {
    UUID study = UUID.randomUUID();
    enqueue(study, "alice", 2, 0);
    enqueue(study, "alice", 1, 5);
    List<Integer> priorities = new ArrayList<>();
    Optional<ClaimedJob> job;
    while ((job = queue.claim(TRAIN, "w", LEASE)).isPresent()) {
      priorities.add(job.get().key().startsWith("p5") ? 5 : 0);
    }
    assertThat(priorities).containsExactly(5, 0, 0);
  }

  @Test
  void aJobQueuedWithoutAGroupJoinsItsStudysGroup() throws Exception {
    UUID big = UUID.randomUUID();
    UUID small = UUID.randomUUID();
    enqueue(big, "alice", 10, 0);
    enqueue(small, "bob", 1, 0);
    // bob's study queues its next stage without naming a group
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, List.of(new NewJob(small, "train", "verify", "{}", 3)));
    }
    try (Connection c = dataSource.getConnection();
        var rs =
            c.createStatement()
                .executeQuery("SELECT fairness_group FROM queue.job WHERE job_key = 'verify'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("bob");
    }
  }

  @Test
  void concurrentClaimersNeverShareAJobAcrossGroups() throws Exception {
    for (int g = 0; g < 5; g++) {
      enqueue(UUID.randomUUID(), "owner-" + g, 60, 0);
    }
    enqueue(UUID.randomUUID(), null, 60, 0);
    assertThat(Claimers.claimAll(queue, TRAIN, 8, LEASE)).hasSize(360);
  }

  private void enqueue(UUID study, String group, int count, int priority) throws Exception {
    List<NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "p" + priority + "-" + UUID.randomUUID();
      jobs.add(new NewJob(study, "train", key, "{}", 3, false, 0, priority).inGroup(group));
    }
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, jobs);
    }
  }
}
