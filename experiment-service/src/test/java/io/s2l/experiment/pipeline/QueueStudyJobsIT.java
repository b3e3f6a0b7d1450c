package io.s2l.experiment.pipeline;

import io.s2l.queue.JobQueue;
import io.s2l.queue.JobState;
import io.s2l.queue.spring.CurrentTransaction;
import io.s2l.testsupport.MutableClock;
import io.s2l.testsupport.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link QueueStudyJobs} on a real queue keeps the contract the pipeline tests' fake keeps. */
class QueueStudyJobsIT extends StudyJobsContract {

  private QueueStudyJobs jobs;
  private JdbcTemplate jdbc;

  @BeforeEach
  void database() {
    TestDatabase.Coordinates db = TestDatabase.freshDatabase();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.url());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    JobQueue queue =
        JobQueue.migrated(dataSource, new MutableClock(Instant.parse("2026-01-05T09:00:00Z")));
    jobs = new QueueStudyJobs(queue, new CurrentTransaction(dataSource));
    jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  StudyJobs jobs() {
    return jobs;
  }

  @Override
  void set(UUID study, String kind, String key, JobState state, String error) {
    jdbc.update(
        "UPDATE queue.job SET state = ?, last_error = ? WHERE study_id = ? AND kind = ?"
            + " AND job_key = ?",
        state.column(),
        error,
        study,
        kind,
        key);
  }
}
