package io.s2l.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A worker process for the process-level tests: claims {@code train} jobs until none is left and
 * completes each by recording it in {@code test_done} in the completing transaction; writes {@code
 * <dir>/<owner>.started} at its first job and {@code <dir>/<owner>.running} while it holds one, and
 * holds every job {@code holdMillis} first, so that a test can kill it in the middle of one.
 *
 * <p>usage: WorkerProcess URL USER PASSWORD OWNER LEASE_MILLIS HOLD_MILLIS DIR
 */
public final class WorkerProcess {

  public static void main(String[] args) throws Exception {
    // A pool, as in the services: opening a connection (SCRAM authentication) costs far more than
    // a claim.
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername(args[1]);
    config.setPassword(args[2]);
    config.setMaximumPoolSize(3);
    HikariDataSource ds = new HikariDataSource(config);
    String owner = args[3];
    Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
    long hold = Long.parseLong(args[5]);
    Path running = Path.of(args[6]).resolve(owner + ".running");
    Path started = Path.of(args[6]).resolve(owner + ".started");
    JobQueue queue = new JobQueue(ds, Clock.systemUTC(), RetryPolicy.DEFAULT);
    JobRunner runner =
        new JobRunner(
            queue,
            List.of("train"),
            owner,
            lease,
            (job, context) -> {
              Files.writeString(running, Long.toString(job.id()));
              Files.writeString(started, Long.toString(job.id()));
              Thread.sleep(hold);
              context.checkLease();
              try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO test_done (job_id, owner) VALUES (?, ?)")) {
                  ps.setLong(1, job.id());
                  ps.setString(2, owner);
                  ps.executeUpdate();
                }
                if (!queue.complete(c, job)) {
                  c.rollback();
                  throw new LeaseLostException(job);
                }
                c.commit();
              }
              Files.deleteIfExists(running);
            });
    int idle = 0;
    while (idle < 3) {
      idle = runner.runOnce() ? 0 : idle + 1;
      if (idle > 0) {
        Thread.sleep(lease.toMillis());
      }
    }
    System.exit(0);
  }
}
