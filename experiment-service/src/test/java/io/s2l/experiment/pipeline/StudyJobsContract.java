package io.s2l.experiment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2l.queue.JobCounts;
import io.s2l.queue.JobState;
import io.s2l.queue.NewJob;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the pipelines rely on from {@link StudyJobs}, checked against the queue and against the
 * in-memory read model the pipeline tests use, so that the two cannot drift apart.
 */
abstract class StudyJobsContract {

  final UUID study = UUID.randomUUID();
  final UUID other = UUID.randomUUID();

  abstract StudyJobs jobs();

  /** Moves one job to {@code state} as a worker would, with its last error. */
  abstract void set(UUID study, String kind, String key, JobState state, String error);

  static NewJob job(UUID study, String kind, String key) {
    return new NewJob(study, kind, key, "{\"key\": \"" + key + "\"}", 3);
  }

  @Test
  void countsAreByStateAndTheFirstFailureIsTheEarliestQueued() {
    jobs()
        .enqueue(
            List.of(
                job(study, "train", "a"),
                job(study, "train", "b"),
                job(study, "train", "c"),
                job(study, "train", "d"),
                job(study, "train", "e"),
                job(study, "analyze", "x"),
                job(other, "train", "a")));
    set(study, "train", "b", JobState.RUNNING, null);
    set(study, "train", "c", JobState.SUCCEEDED, null);
    set(study, "train", "e", JobState.FAILED, "late");
    set(study, "train", "d", JobState.FAILED, "early");
    set(other, "train", "a", JobState.FAILED, "elsewhere");

    JobCounts counts = jobs().counts(study, "train");
    assertThat(List.of(counts.queued(), counts.running(), counts.succeeded(), counts.failed()))
        .containsExactly(1, 1, 1, 2);
    assertThat(jobs().firstFailure(study, "train")).contains("d: early");
    assertThat(jobs().firstFailure(study, "analyze")).isEmpty();
    assertThat(jobs().counts(study, "verify").total()).isZero();
  }

  @Test
  void jobsAreListedWithStateAndPayloadInQueueOrder() throws Exception {
    jobs().enqueue(List.of(job(study, "train", "z"), job(study, "train", "a")));
    jobs().enqueue(List.of(job(study, "train", "m"), job(study, "featurize", "f")));
    set(study, "train", "a", JobState.SUCCEEDED, null);

    List<StudyJobs.QueuedJob> listed = jobs().jobs(study, List.of("train"));
    assertThat(listed).extracting(StudyJobs.QueuedJob::key).containsExactly("z", "a", "m");
    assertThat(listed)
        .extracting(StudyJobs.QueuedJob::state)
        .containsExactly(JobState.QUEUED, JobState.SUCCEEDED, JobState.QUEUED);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(listed.get(1).payloadJson()))
        .isEqualTo(json.readTree("{\"key\": \"a\"}"));
  }

  @Test
  void severalKindsAreCountedListedAndFailedTogether() {
    List<String> training = List.of("train", "train-kubernetes");
    jobs()
        .enqueue(
            List.of(
                job(study, "train", "a"),
                job(study, "train-kubernetes", "b"),
                job(study, "train", "c"),
                job(study, "featurize", "a")));
    set(study, "train", "a", JobState.SUCCEEDED, null);
    set(study, "train-kubernetes", "b", JobState.FAILED, "evicted");

    JobCounts counts = jobs().counts(study, training);
    assertThat(List.of(counts.queued(), counts.running(), counts.succeeded(), counts.failed()))
        .containsExactly(1, 0, 1, 1);
    assertThat(jobs().firstFailure(study, training)).contains("b: evicted");
    assertThat(jobs().firstFailure(study, "train")).isEmpty();
    assertThat(jobs().jobs(study, training))
        .extracting(StudyJobs.QueuedJob::key)
        .containsExactly("a", "b", "c");
  }

  @Test
  void aSecondJobWithTheSameKeyIsRefusedByEnqueueAndSkippedByEnqueueAbsent() {
    jobs().enqueue(List.of(job(study, "verify", "v")));
    set(study, "verify", "v", JobState.SUCCEEDED, null);

    assertThatThrownBy(() -> jobs().enqueue(List.of(job(study, "verify", "v"))))
        .isInstanceOf(IllegalStateException.class);
    jobs().enqueueAbsent(List.of(job(study, "verify", "v"), job(study, "verify", "w")));

    assertThat(jobs().jobs(study, List.of("verify")))
        .extracting(StudyJobs.QueuedJob::key, StudyJobs.QueuedJob::state)
        .containsExactly(tuple("v", JobState.SUCCEEDED), tuple("w", JobState.QUEUED));
  }
}
