package io.s2l.analysis.storage;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobQueue;
import io.s2l.queue.LeaseLostException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a job's results and completes the job in one transaction, so that results exist exactly
 * when their job succeeded; a job whose lease was lost (another attempt owns it) writes nothing.
 */
@Component
public class CompletingTransaction {

  /** The writes, on the transaction's connection. */
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final JobQueue queue;

  CompletingTransaction(DataSource dataSource, TransactionTemplate transactions, JobQueue queue) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.queue = queue;
  }

  /**
   * @param what names the results in the error of a failed write
   */
  public <T> T run(ClaimedJob job, String what, Work<T> work) {
    return transactions.execute(
        status -> {
          Connection c = DataSourceUtils.getConnection(dataSource);
          try {
            T value = work.apply(c);
            if (!queue.complete(c, job)) {
              throw new LeaseLostException(job);
            }
            return value;
          } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + what, e);
          } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
          }
        });
  }
}
