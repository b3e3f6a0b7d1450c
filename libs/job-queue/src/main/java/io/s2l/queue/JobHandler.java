package io.s2l.queue;

/**
 * Runs one claimed job. A handler stores its results and calls {@link JobQueue#complete} in one
 * transaction; any exception it throws is recorded as a failed attempt.
 */
@FunctionalInterface
public interface JobHandler {
  void handle(ClaimedJob job, JobContext context) throws Exception;
}
