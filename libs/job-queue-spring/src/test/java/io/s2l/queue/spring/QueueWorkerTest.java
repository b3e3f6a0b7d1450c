package io.s2l.queue.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import io.s2l.queue.JobQueue;
import io.s2l.queue.JobState;
import io.s2l.queue.MicrometerJobEvents;
import io.s2l.queue.RetryPolicy;
import io.s2l.queue.WorkerCapabilities;
import io.s2l.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The worker's decisions for one claimed job, against a queue whose database calls are stubbed and
 * whose clock the test moves: which handler runs it, and what is recorded when it succeeds, fails,
 * times out, loses its lease or is stopped.
 */
class QueueWorkerTest {

  private static final Duration LEASE = Duration.ofMillis(300);
  private static final Duration JOB_TIMEOUT = Duration.ofHours(2);
  private static final UUID STUDY = UUID.fromString("7f4c2a10-0000-4000-8000-000000000001");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final List<String> ran = new ArrayList<>();
  private JobQueue queue;

  @BeforeEach
  void queue() throws Exception {
    queue = spy(new JobQueue(mock(DataSource.class), clock, RetryPolicy.DEFAULT));
    doReturn(0).when(queue).rescueExpired();
    doNothing().when(queue).advertise(anyString(), anyList(), any());
    doReturn(true).when(queue).heartbeat(any(), any(), anyDouble(), any());
  }

  @Test
  void claimsTheKindsOfItsHandlersAndRunsEachJobWithItsOwn() throws Exception {
    QueueWorker worker = worker(handler("train", c -> {}), handler("featurize", c -> {}));
    claimable(job("featurize"));

    assertThat(worker.runOnce()).isTrue();

    assertThat(ran).containsExactly("featurize");
    verify(queue)
        .claim(List.of("featurize", "train"), "trainer-1", LEASE, WorkerCapabilities.ANY_CPU);
    verify(queue).advertise("trainer-1", List.of("featurize", "train"), WorkerCapabilities.ANY_CPU);
    verify(queue, never()).fail(any(), anyString());
    assertThat(count("featurize", "succeeded")).isEqualTo(1);
  }

  @Test
  void reportsNothingClaimedWhenTheQueueIsEmpty() throws Exception {
    QueueWorker worker = worker(handler("train", c -> {}));
    doReturn(Optional.empty()).when(queue).claim(anyList(), anyString(), any(), any());

    assertThat(worker.runOnce()).isFalse();
    assertThat(ran).isEmpty();
  }

  @Test
  void recordsAFailedAttemptForRetryWithTheExceptionAsReason() throws Exception {
    QueueWorker worker =
        worker(
            handler(
                "train",
                c -> {
                  throw new IllegalArgumentException("bad mixture");
                }));
    ClaimedJob job = claimable(job("train"));
    doReturn(Optional.of(JobState.QUEUED)).when(queue).fail(any(), anyString());

    worker.runOnce();

    verify(queue).fail(job, "IllegalArgumentException: bad mixture");
    assertThat(count("train", "retried")).isEqualTo(1);
  }

  @Test
  void theLastFailedAttemptFailsTheJob() throws Exception {
    QueueWorker worker =
        worker(
            handler(
                "train",
                c -> {
                  throw new IllegalStateException("out of memory");
                }));
    claimable(job("train"));
    doReturn(Optional.of(JobState.FAILED)).when(queue).fail(any(), anyString());

    worker.runOnce();

    assertThat(count("train", "failed")).isEqualTo(1);
  }

  @Test
  void anAttemptPastItsJobTimeoutByTheQueuesClockFailsAsTimedOut() throws Exception {
    QueueWorker worker =
        worker(
            handler(
                "train",
                c -> {
                  clock.advance(JOB_TIMEOUT.plusSeconds(1));
                  c.checkLease();
                }));
    ClaimedJob job = claimable(job("train"));
    doReturn(Optional.of(JobState.QUEUED)).when(queue).fail(any(), anyString());

    worker.runOnce();

    verify(queue).fail(job, "timed out after PT2H");
    assertThat(count("train", "retried")).isEqualTo(1);
  }

  @Test
  void anAttemptWithinItsJobTimeoutGoesOn() throws Exception {
    QueueWorker worker =
        worker(
            handler(
                "train",
                c -> {
                  clock.advance(JOB_TIMEOUT.minusSeconds(1));
                  c.checkLease();
                }));
    claimable(job("train"));

    worker.runOnce();

    verify(queue, never()).fail(any(), anyString());
    assertThat(count("train", "succeeded")).isEqualTo(1);
  }

  @Test
  void anAttemptWhoseHeartbeatFoundTheLeaseLostIsAbandonedWithoutRecordingAFailure()
      throws Exception {
    CountDownLatch beaten = new CountDownLatch(1);
    doAnswer(
            call -> {
              beaten.countDown();
              return false; // another attempt holds the job now
            })
        .when(queue)
        .heartbeat(any(), eq(LEASE), anyDouble(), any());
    QueueWorker worker =
        worker(
            handler(
                "train",
                c -> {
                  assertThat(beaten.await(10, TimeUnit.SECONDS)).isTrue();
                  Thread.sleep(50); // the beat's answer is recorded after it returns
                  c.checkLease();
                }));
    claimable(job("train"));

    worker.runOnce();

    verify(queue, never()).fail(any(), anyString());
    verify(queue, never()).release(any());
    assertThat(count("train", "lost")).isEqualTo(1);
  }

  @Test
  void heartbeatsRenewTheLeaseUntilTheJobTimeoutAndNoLater() throws Exception {
    CountDownLatch beaten = new CountDownLatch(1);
    doAnswer(
            call -> {
              beaten.countDown();
              return true;
            })
        .when(queue)
        .heartbeat(any(), eq(LEASE), anyDouble(), any());
    QueueWorker worker =
        worker(handler("train", c -> assertThat(beaten.await(10, TimeUnit.SECONDS)).isTrue()));
    ClaimedJob job = claimable(job("train"));

    worker.runOnce();

    verify(queue).heartbeat(eq(job), eq(LEASE), eq(0.0), eq(JOB_TIMEOUT.plus(LEASE)));
  }

  @Test
  void aStoppedWorkerHandsItsJobBack() throws Exception {
    QueueWorker[] self = new QueueWorker[1];
    QueueWorker worker =
        worker(
            handler(
                "train",
                c -> {
                  self[0].stop();
                  c.checkLease();
                }));
    self[0] = worker;
    ClaimedJob job = claimable(job("train"));
    doReturn(true).when(queue).release(any());

    worker.runOnce();

    verify(queue).release(job);
    verify(queue, never()).fail(any(), anyString());
    assertThat(count("train", "handed_back")).isEqualTo(1);
  }

  @Test
  void theJobsStudyAndIdsAreInTheLogContextWhileItRunsOnly() throws Exception {
    List<Map<String, String>> seen = new ArrayList<>();
    QueueWorker worker = worker(handler("train", c -> seen.add(MDC.getCopyOfContextMap())));
    claimable(job("train"));

    worker.runOnce();

    assertThat(seen.get(0))
        .containsEntry("studyId", STUDY.toString())
        .containsEntry("jobId", "42")
        .containsEntry("jobKind", "train")
        .containsEntry("attempt", "1");
    assertThat(MDC.get("jobId")).isNull();
  }

  private interface Body {
    void run(JobContext context) throws Exception;
  }

  private JobHandler handler(String kind, Body body) {
    return new JobHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void handle(ClaimedJob job, JobContext context) throws Exception {
        ran.add(kind);
        body.run(context);
      }
    };
  }

  private QueueWorker worker(JobHandler... handlers) {
    QueueProperties properties =
        new QueueProperties(
            LEASE, JOB_TIMEOUT, Duration.ofMillis(10), Duration.ofSeconds(5), "trainer", List.of());
    return new QueueWorker(
        queue,
        new JobHandlers(List.of(handlers)),
        "trainer-1",
        properties.timings(Duration.ZERO),
        WorkerCapabilities.ANY_CPU,
        new MicrometerJobEvents(metrics),
        properties,
        0);
  }

  private ClaimedJob claimable(ClaimedJob job) throws Exception {
    doReturn(Optional.of(job)).when(queue).claim(anyList(), anyString(), any(), any());
    return job;
  }

  private static ClaimedJob job(String kind) {
    return new ClaimedJob(42, STUDY, kind, "xs/mix/1", "{}", 1, 3, "trainer-1");
  }

  private long count(String kind, String outcome) {
    var timer = metrics.find("s2l.jobs").tag("kind", kind).tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }
}
