package io.s2l.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Moves the job queue's time forward without sleeping. The queue reads every instant from the
 * database's {@code now()}, which a test cannot set; so instead every instant the queue has stored
 * is moved back by the same amount, which is the same to every comparison the queue makes (a lease
 * that ends in 30 s ends in 29 s once a second has passed). db-scheduler's tests move their
 * executions alike.
 */
public final class QueueTime {

  private QueueTime() {}

  /** As if {@code by} had passed on the database's clock since the queue last wrote. */
  public static void advance(DataSource dataSource, Duration by) {
    String back = "- ?::bigint * interval '1 millisecond'";
    try (Connection c = dataSource.getConnection();
        PreparedStatement jobs =
            c.prepareStatement(
                "UPDATE queue.job SET run_after = run_after "
                    + back
                    + ", lease_expires_at = lease_expires_at "
                    + back
                    + ", claimed_at = claimed_at "
                    + back
                    + ", created_at = created_at "
                    + back
                    + ", updated_at = updated_at "
                    + back
                    + ", finished_at = finished_at "
                    + back);
        PreparedStatement workers =
            c.prepareStatement(
                "UPDATE queue.worker SET started_at = started_at "
                    + back
                    + ", last_seen_at = last_seen_at "
                    + back)) {
      long millis = by.toMillis();
      for (int i = 1; i <= 6; i++) {
        jobs.setLong(i, millis);
      }
      jobs.executeUpdate();
      workers.setLong(1, millis);
      workers.setLong(2, millis);
      workers.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot move the queue's time by " + by, e);
    }
  }
}
