package io.s2l.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.s2l.testsupport.MutableClock;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobLookupIT {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final UUID study = UUID.randomUUID();
  private final UUID other = UUID.randomUUID();
  private HikariDataSource dataSource;
  private JobQueue queue;

  @BeforeEach
  void database() throws Exception {
    dataSource = QueueDatabase.fresh();
    queue = new JobQueue(dataSource, clock, RetryPolicy.DEFAULT);
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(study, "train", "a", "{\"distribution\": {\"name\": \"pool\"}}", 3),
              new NewJob(study, "train", "b", "{\"distribution\": {\"name\": \"other\"}}", 3),
              new NewJob(study, "train", "c", "{\"distribution\": {\"name\": \"pool\"}}", 3),
              new NewJob(study, "featurize", "a", "{\"distribution\": {\"name\": \"pool\"}}", 3),
              new NewJob(other, "train", "a", "{\"distribution\": {\"name\": \"pool\"}}", 3)));
    }
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  /** Claims and completes the oldest claimable training job. */
  private ClaimedJob completeNext() throws Exception {
    ClaimedJob job = queue.claim(List.of("train"), "w", Duration.ofMinutes(1)).orElseThrow();
    try (Connection c = dataSource.getConnection()) {
      assertThat(queue.complete(c, job)).isTrue();
    }
    return job;
  }

  @Test
  void findsOneJobWithItsStateAndPayload() throws Exception {
    ClaimedJob done = completeNext();
    try (Connection c = dataSource.getConnection()) {
      JobLookup.Job job = JobLookup.find(c, done.studyId(), "train", done.key()).orElseThrow();
      assertThat(job.id()).isEqualTo(done.id());
      assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.payloadJson()).isEqualTo(done.payloadJson());
      assertThat(JobLookup.find(c, study, "train", "b").orElseThrow().state())
          .isEqualTo(JobState.QUEUED);
      assertThat(JobLookup.find(c, study, "train", "missing")).isEmpty();
      assertThat(JobLookup.find(c, study, "verify", "a")).isEmpty();
    }
  }

  @Test
  void listsAStudysJobsOfOneKindInEveryStateOldestFirst() throws Exception {
    completeNext();
    try (Connection c = dataSource.getConnection()) {
      assertThat(JobLookup.ofKind(c, study, "train").stream().map(j -> j.key() + ":" + j.state()))
          .containsExactly("a:SUCCEEDED", "b:QUEUED", "c:QUEUED");
      assertThat(JobLookup.ofKind(c, study, "featurize").stream().map(JobLookup.Job::payloadJson))
          .containsExactly("{\"distribution\": {\"name\": \"pool\"}}");
      assertThat(JobLookup.ofKind(c, other, "train")).hasSize(1);
      assertThat(JobLookup.ofKind(c, study, "verify")).isEmpty();
    }
  }

  @Test
  void countsJobsByKindAndState() throws Exception {
    completeNext();
    try (Connection c = dataSource.getConnection()) {
      assertThat(JobLookup.depth(c))
          .containsExactlyInAnyOrder(
              new JobLookup.Depth("train", JobState.SUCCEEDED, 1),
              new JobLookup.Depth("train", JobState.QUEUED, 3),
              new JobLookup.Depth("featurize", JobState.QUEUED, 1));
    }
  }

  @Test
  void answersForSeveralKindsTogether() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(
          c,
          List.of(
              new NewJob(study, "train-kubernetes", "d", "{}", 1),
              new NewJob(study, "train-kubernetes", "e", "{}", 1)));
    }
    completeNext();
    ClaimedJob remote =
        queue.claim(List.of("train-kubernetes"), "w", Duration.ofMinutes(1)).orElseThrow();
    queue.fail(remote, "pod evicted");
    List<String> training = List.of("train", "train-kubernetes");
    try (Connection c = dataSource.getConnection()) {
      assertThat(JobLookup.ofKinds(c, study, training).stream().map(j -> j.kind() + ":" + j.key()))
          .containsExactly(
              "train:a", "train:b", "train:c", "train-kubernetes:d", "train-kubernetes:e");
      assertThat(JobLookup.find(c, study, training, "d").orElseThrow().state())
          .isEqualTo(JobState.FAILED);
      assertThat(JobLookup.find(c, study, training, "a").orElseThrow().kind()).isEqualTo("train");
      assertThat(JobLookup.find(c, study, List.of("train"), "d")).isEmpty();
      assertThat(JobLookup.counts(c, study, training)).isEqualTo(new JobCounts(3, 0, 1, 1, 0));
      assertThat(JobQueue.counts(c, study, "train")).isEqualTo(new JobCounts(2, 0, 1, 0, 0));
      assertThat(JobLookup.firstFailure(c, study, training)).contains("d: pod evicted");
      assertThat(JobQueue.firstFailure(c, study, "train")).isEmpty();
    }
    assertThat(queue.counts(study, training).total()).isEqualTo(5);
  }

  @Test
  void listsRecentFailuresOfAKindAndTheStudiesThatHaveAJobOfAKeyPrefix() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .executeUpdate(
              "UPDATE queue.job SET state = 'failed', finished_at = now() - interval '1 hour'"
                  + " WHERE kind = 'train' AND job_key IN ('a', 'b')");
      c.createStatement()
          .executeUpdate(
              "UPDATE queue.job SET finished_at = now() - interval '3 days'"
                  + " WHERE study_id = '"
                  + other
                  + "'");
      List<JobLookup.Failure> failed = JobLookup.failedWithin(c, "train", Duration.ofDays(1), 10);
      assertThat(failed).extracting(JobLookup.Failure::studyId).containsExactly(study, study);
      assertThat(JobLookup.failedWithin(c, "train", Duration.ofDays(1), 1)).hasSize(1);
      assertThat(JobLookup.failedWithin(c, "featurize", Duration.ofDays(1), 10)).isEmpty();

      assertThat(JobLookup.withJob(c, List.of(study, other), "train", "")).contains(study, other);
      assertThat(JobLookup.withJob(c, List.of(study, other), "featurize", "a"))
          .containsExactly(study);
      assertThat(JobLookup.withJob(c, List.of(study, other), "train", "ab")).isEmpty();
      assertThat(JobLookup.withJob(c, List.of(), "train", "a")).isEmpty();
    }
  }
}
