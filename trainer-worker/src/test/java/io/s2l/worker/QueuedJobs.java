package io.s2l.worker;

import io.s2l.queue.JobQueue;
import io.s2l.queue.NewJob;
import io.s2l.study.JobKinds;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Training jobs put on the real queue by a test, and waited for until the worker finished them. */
public final class QueuedJobs {

  private QueuedJobs() {}

  /** Queues one training job of {@code study}. */
  public static void enqueue(
      DataSource dataSource, JobQueue queue, UUID study, String key, String payload, int attempts)
      throws Exception {
    try (Connection c = dataSource.getConnection()) {
      queue.enqueue(c, List.of(new NewJob(study, JobKinds.TRAIN, key, payload, attempts)));
    }
  }

  /** The final state of the study's one job, {@code succeeded} or {@code failed}, within 3 min. */
  public static String awaitFinished(JdbcTemplate jdbc, UUID study) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      String state =
          jdbc.queryForObject(
              "SELECT state FROM queue.job WHERE study_id = ?", String.class, study);
      if (state.equals("succeeded") || state.equals("failed")) {
        return state;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job of study " + study + " did not finish in time");
  }
}
