package io.s2l.experiment.pipeline;

import io.s2l.queue.JobCounts;
import io.s2l.queue.JobLookup;
import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.queue.spring.CurrentTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@link StudyJobs} on the job queue, over the connection of the caller's transaction: what a
 * reconciliation reads and the jobs it queues commit or roll back with the study's transition.
 */
@Component
class QueueStudyJobs implements StudyJobs {

  private final JobQueue queue;
  private final CurrentTransaction transaction;

  QueueStudyJobs(JobQueue queue, CurrentTransaction transaction) {
    this.queue = queue;
    this.transaction = transaction;
  }

  @Override
  public JobCounts counts(UUID study, List<String> kinds) {
    return onConnection(c -> JobLookup.counts(c, study, kinds));
  }

  @Override
  public Optional<String> firstFailure(UUID study, List<String> kinds) {
    return onConnection(c -> JobLookup.firstFailure(c, study, kinds));
  }

  @Override
  public List<QueuedJob> jobs(UUID study, List<String> kinds) {
    return onConnection(
        c ->
            JobLookup.ofKinds(c, study, kinds).stream()
                .map(j -> new QueuedJob(j.key(), j.state(), j.payloadJson()))
                .toList());
  }

  @Override
  public void enqueue(List<NewJob> jobs) {
    onConnection(
        c -> {
          queue.enqueue(c, jobs);
          return null;
        });
  }

  @Override
  public void enqueueAbsent(List<NewJob> jobs) {
    onConnection(
        c -> {
          queue.enqueueAbsent(c, jobs);
          return null;
        });
  }

  private <T> T onConnection(CurrentTransaction.Query<T> work) {
    try {
      return transaction.query(work);
    } catch (SQLException e) {
      throw new IllegalStateException("queue unavailable", e);
    }
  }
}
