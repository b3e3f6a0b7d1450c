package io.s2l.experiment.pipeline;

import io.s2l.queue.JobCounts;
import io.s2l.queue.JobState;
import io.s2l.queue.NewJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue's read model in memory, for the pipelines' transition logic: jobs by (study, kind,
 * key), in the order they were queued, whose states the tests set by hand as workers would. Like
 * the queue, it refuses a second job with the same key.
 */
final class InMemoryStudyJobs implements StudyJobs {

  private final Map<List<Object>, Job> jobs = new LinkedHashMap<>();

  private static final class Job {
    final NewJob spec;
    JobState state = JobState.QUEUED;
    String error;

    Job(NewJob spec) {
      this.spec = spec;
    }
  }

  @Override
  public JobCounts counts(UUID study, List<String> kinds) {
    int[] byState = new int[JobState.values().length];
    of(study, kinds).forEach(j -> byState[j.state.ordinal()]++);
    return new JobCounts(
        byState[JobState.QUEUED.ordinal()],
        byState[JobState.RUNNING.ordinal()],
        byState[JobState.SUCCEEDED.ordinal()],
        byState[JobState.FAILED.ordinal()],
        0);
  }

  @Override
  public Optional<String> firstFailure(UUID study, List<String> kinds) {
    return of(study, kinds).stream()
        .filter(j -> j.state == JobState.FAILED)
        .findFirst()
        .map(j -> j.spec.key() + ": " + (j.error != null ? j.error : "no error recorded"));
  }

  @Override
  public List<QueuedJob> jobs(UUID study, List<String> kinds) {
    return of(study, kinds).stream()
        .map(j -> new QueuedJob(j.spec.key(), j.state, j.spec.payloadJson()))
        .toList();
  }

  @Override
  public void enqueue(List<NewJob> added) {
    for (NewJob job : added) {
      if (jobs.containsKey(id(job))) {
        throw new IllegalStateException("duplicate job " + id(job));
      }
    }
    enqueueAbsent(added);
  }

  @Override
  public void enqueueAbsent(List<NewJob> added) {
    added.forEach(job -> jobs.putIfAbsent(id(job), new Job(job)));
  }

  /** A worker claimed the job. */
  void claim(UUID study, String kind, String key) {
    set(study, kind, key, JobState.RUNNING, null);
  }

  /** The job succeeded. */
  void succeed(UUID study, String kind, String key) {
    set(study, kind, key, JobState.SUCCEEDED, null);
  }

  /** Every job of the kind that has not finished succeeds. */
  void succeedAll(UUID study, String kind) {
    of(study, kind).stream()
        .filter(j -> j.state == JobState.QUEUED || j.state == JobState.RUNNING)
        .forEach(j -> j.state = JobState.SUCCEEDED);
  }

  /** The job failed for good. */
  void fail(UUID study, String kind, String key, String error) {
    set(study, kind, key, JobState.FAILED, error);
  }

  /** The job moved to {@code state}, with {@code error} as its last error. */
  void set(UUID study, String kind, String key, JobState state, String error) {
    Job job = job(study, kind, key);
    job.state = state;
    job.error = error;
  }

  /** The payloads of the study's jobs of one kind, in queue order. */
  List<NewJob> queued(UUID study, String kind) {
    return of(study, kind).stream().map(j -> j.spec).toList();
  }

  private Job job(UUID study, String kind, String key) {
    Job job = jobs.get(List.of(study, kind, key));
    if (job == null) {
      throw new IllegalArgumentException("no " + kind + " job " + key);
    }
    return job;
  }

  private List<Job> of(UUID study, String kind) {
    return of(study, List.of(kind));
  }

  private List<Job> of(UUID study, List<String> kinds) {
    List<Job> found = new ArrayList<>();
    for (Job job : jobs.values()) {
      if (job.spec.studyId().equals(study) && kinds.contains(job.spec.kind())) {
        found.add(job);
      }
    }
    return found;
  }

  private static List<Object> id(NewJob job) {
    return List.of(job.studyId(), job.kind(), job.key());
  }
}
