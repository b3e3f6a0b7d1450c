package io.s2l.queue.spring;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import java.sql.SQLException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a job's results and completes the job in one transaction, so that results exist exactly
 * when their job succeeded: an attempt that lost its lease (another attempt owns the job, or the
 * study was cancelled) writes nothing and ends with {@link LeaseLostException}, however often the
 * job was attempted.
 */
public final class CompletingTransaction {

  private final CurrentTransaction connection;
  private final TransactionTemplate transactions;
  private final JobQueue queue;

  public CompletingTransaction(
      CurrentTransaction connection, TransactionTemplate transactions, JobQueue queue) {
    this.connection = connection;
    this.transactions = transactions;
    this.queue = queue;
  }

  /**
   * Runs {@code writes}, completes {@code job} and commits; returns what the writes returned.
   *
   * @param what names the results in the error of a failed write ("cannot store " + what)
   */
  public <T> T run(ClaimedJob job, String what, CurrentTransaction.Query<T> writes) {
    return transactions.execute(
        status -> {
          try {
            return connection.query(
                c -> {
                  T value = writes.apply(c);
                  if (!queue.complete(c, job)) {
                    throw new LeaseLostException(job);
                  }
                  return value;
                });
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + what, e);
          }
        });
  }

  /** {@link #run} for writes that return nothing. */
  public void runWithoutResult(ClaimedJob job, String what, CurrentTransaction.Update writes) {
    run(
        job,
        what,
        c -> {
          writes.accept(c);
          return null;
        });
  }
}
