package io.s2l.queue;

import java.time.Duration;

/** What a {@link JobRunner} reports about each job it ran, for metrics. */
public interface JobEvents {

  /** The job completed. */
  String SUCCEEDED = "succeeded";

  /** The attempt failed and the job is queued again for a later attempt. */
  String RETRIED = "retried";

  /** The last attempt failed: the job failed for good. */
  String FAILED = "failed";

  /** The attempt lost its lease (expired, or the study was cancelled). */
  String LOST = "lost";

  /** The worker stopped and handed the job back. */
  String HANDED_BACK = "handed_back";

  void finished(ClaimedJob job, String outcome, Duration took);

  /** Reports nothing. */
  JobEvents NONE = (job, outcome, took) -> {};
}
